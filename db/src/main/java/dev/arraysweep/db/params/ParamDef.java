package dev.arraysweep.db.params;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The definition of one run parameter: name, type, default, allowed values, meaning and when it applies.
 *
 * @param name the key in sweep files, JSON and the database, e.g. {@code batch_size}
 * @param type the value type
 * @param nullable whether {@code null} may be written; null then means the default (which may be null)
 * @param defaultValue the value when a run does not set it
 * @param constraint the values allowed beyond the type
 * @param description one line for users: what it does, the default and its unit
 * @param appliesWhen when the parameter means something; elsewhere it is removed from the run
 * @param sampling whether it chooses which samples a run trains on (filters, selector, sampler); runs that
 *                 differ only in sampling parameters are twins ({@link TwinKey})
 * @param implicit the value that runs do not carry, and where; null when every value that applies is kept
 * @param storedAs choice names that runs store as another JSON value, and that value (see {@link #storedAs(Map)});
 *                 empty for most parameters
 * @param spreadOverEpochs whether a run that carries it trains differently for another total of epochs (its effect
 *                 is spread over the run's epochs, as {@code final_power} is reached at the last), so that raising
 *                 {@code epochs} makes another run instead of extending it ({@link Params#dependsOnTotalEpochs})
 */
public record ParamDef(
        String name,
        ParamType type,
        boolean nullable,
        Default defaultValue,
        Constraint constraint,
        String description,
        Condition appliesWhen,
        boolean sampling,
        Implicit implicit,
        Map<String, Object> storedAs,
        boolean spreadOverEpochs) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ParamDef {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name must match " + NAME + ": " + name);
        }
        Objects.requireNonNull(type, "type of " + name);
        Objects.requireNonNull(defaultValue, "default of " + name);
        Objects.requireNonNull(constraint, "constraint of " + name);
        Objects.requireNonNull(appliesWhen, "condition of " + name);
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("parameter " + name + " needs a description");
        }
        if (type == ParamType.CHOICE && constraint.choices().isEmpty()) {
            throw new IllegalArgumentException("choice parameter " + name + " needs its allowed names");
        }
        storedAs = storedAs == null ? Map.of() : Map.copyOf(storedAs);
        if (!constraint.choices().containsAll(storedAs.keySet())) {
            throw new IllegalArgumentException("parameter " + name + " stores names it does not allow: " + storedAs);
        }
    }

    /**
     * A value of a parameter that a run does not carry: where {@code where} holds and the run's value (given or
     * default) equals {@code value}, the parameter is removed from the run as where it does not apply. This is
     * how a parameter is added to runs that existed before it, with the behaviour they had as that value,
     * without changing their parameter hashes: a stored run without the key reads as {@code value}.
     *
     * @param value the value that is left out (may be null)
     * @param where where it is left out
     */
    public record Implicit(Object value, Condition where) {
        public Implicit {
            Objects.requireNonNull(where, "where");
        }
    }

    /** A parameter with the given sampling mark, whose every applying value is kept. */
    public ParamDef(
            String name,
            ParamType type,
            boolean nullable,
            Default defaultValue,
            Constraint constraint,
            String description,
            Condition appliesWhen,
            boolean sampling) {
        this(name, type, nullable, defaultValue, constraint, description, appliesWhen, sampling, null, Map.of(), false);
    }

    /** A parameter of a run's configuration, not a sampling parameter. */
    public ParamDef(
            String name,
            ParamType type,
            boolean nullable,
            Default defaultValue,
            Constraint constraint,
            String description,
            Condition appliesWhen) {
        this(name, type, nullable, defaultValue, constraint, description, appliesWhen, false);
    }

    /** {@return this definition, applying only when {@code condition} holds} */
    public ParamDef when(Condition condition) {
        return new ParamDef(
                name,
                type,
                nullable,
                defaultValue,
                constraint,
                description,
                condition,
                sampling,
                implicit,
                storedAs,
                spreadOverEpochs);
    }

    /** {@return this definition with a computed default} */
    public ParamDef defaultingTo(Default computed) {
        return new ParamDef(
                name,
                type,
                nullable,
                computed,
                constraint,
                description,
                appliesWhen,
                sampling,
                implicit,
                storedAs,
                spreadOverEpochs);
    }

    /** {@return this definition, marked as a sampling parameter (left out of the twin key)} */
    public ParamDef choosesSamples() {
        return new ParamDef(
                name,
                type,
                nullable,
                defaultValue,
                constraint,
                description,
                appliesWhen,
                true,
                implicit,
                storedAs,
                spreadOverEpochs);
    }

    /**
     * {@return this definition, left out of every run whose value is {@code value}} A new parameter that is
     * off by default (a nullable one at null) then adds nothing to existing runs.
     */
    public ParamDef implicitAt(Object value) {
        return implicitAt(value, Condition.ALWAYS);
    }

    /** {@return this definition, left out of the runs where {@code where} holds and whose value is {@code value}} */
    public ParamDef implicitAt(Object value, Condition where) {
        return new ParamDef(
                name,
                type,
                nullable,
                defaultValue,
                constraint,
                description,
                appliesWhen,
                sampling,
                new Implicit(value, where),
                storedAs,
                spreadOverEpochs);
    }

    /**
     * {@return this choice, whose names in {@code spellings} runs store in their JSON as the given values}
     * This is how a boolean becomes a choice without changing the hashes of the runs stored before:
     * {@code augmentation} stores {@code thesis} as {@code true} and {@code none} as {@code false}, and reads
     * {@code true} and {@code false}, in sweep files too, as those names.
     */
    public ParamDef storedAs(Map<String, Object> spellings) {
        return new ParamDef(
                name,
                type,
                nullable,
                defaultValue,
                constraint,
                description,
                appliesWhen,
                sampling,
                implicit,
                spellings,
                spreadOverEpochs);
    }

    /**
     * {@return this definition, marked as spread over the run's epochs: a run that carries it depends on its total
     * of epochs and is never extended}
     */
    public ParamDef markedSpreadOverEpochs() {
        return new ParamDef(
                name,
                type,
                nullable,
                defaultValue,
                constraint,
                description,
                appliesWhen,
                sampling,
                implicit,
                storedAs,
                true);
    }

    /**
     * {@return the name of a choice that runs store as {@code stored}, or as a value whose text it is (sweep files
     * give choices as text: {@code true}, {@code True}), if this parameter stores one so}
     */
    public Optional<String> nameStoredAs(Object stored) {
        return storedAs.entrySet().stream()
                .filter(e -> e.getValue().equals(stored)
                        || (stored instanceof String text
                                && String.valueOf(e.getValue()).equalsIgnoreCase(text.trim())))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** {@return how a run stores canonical value {@code value} in its JSON} */
    public Object stored(Object value) {
        return value == null ? null : storedAs.getOrDefault(value, value);
    }

    /**
     * {@return the value runs do not carry, in words (e.g. {@code "false is left out where sampler = weighted"}),
     * or empty when every value that applies is kept}
     */
    public Optional<String> implicitDescription() {
        if (implicit == null) {
            return Optional.empty();
        }
        String where = implicit.where() == Condition.ALWAYS
                ? ""
                : " where " + implicit.where().description();
        return Optional.of(CanonicalJson.write(implicit.value()) + " is left out" + where);
    }

    /** {@return why a written value may be missing from a run: when it applies, and the value that is left out} */
    public String dropRule() {
        String applies =
                appliesWhen == Condition.ALWAYS ? "applies always" : "applies only when " + appliesWhen.description();
        return implicitDescription().map(i -> applies + " and " + i).orElse(applies);
    }

    /**
     * {@return whether a run whose earlier parameters are {@code resolved} leaves this parameter out at
     * {@code value}}
     */
    public boolean leavesOut(Object value, Map<String, Object> resolved) {
        return implicit != null
                && Objects.equals(value, implicit.value())
                && implicit.where().appliesTo(resolved);
    }

    /** {@return what a valid value looks like, for error messages} */
    public String expected() {
        String spelled = storedAs.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " = " + e.getKey())
                .collect(Collectors.joining(", "));
        return constraint.description()
                + (spelled.isEmpty() ? "" : " (" + spelled + ")")
                + (nullable ? " (or null for the default: " + defaultValue.description() + ")" : "");
    }
}
