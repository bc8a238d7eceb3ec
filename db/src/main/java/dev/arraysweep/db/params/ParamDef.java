package dev.arraysweep.db.params;

import java.util.Objects;
import java.util.regex.Pattern;

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
 */
public record ParamDef(
        String name,
        ParamType type,
        boolean nullable,
        Default defaultValue,
        Constraint constraint,
        String description,
        Condition appliesWhen,
        boolean sampling) {

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
        return new ParamDef(name, type, nullable, defaultValue, constraint, description, condition, sampling);
    }

    /** {@return this definition with a computed default} */
    public ParamDef defaultingTo(Default computed) {
        return new ParamDef(name, type, nullable, computed, constraint, description, appliesWhen, sampling);
    }

    /** {@return this definition, marked as a sampling parameter (left out of the twin key)} */
    public ParamDef choosesSamples() {
        return new ParamDef(name, type, nullable, defaultValue, constraint, description, appliesWhen, true);
    }

    /** {@return what a valid value looks like, for error messages} */
    public String expected() {
        return constraint.description()
                + (nullable ? " (or null for the default: " + defaultValue.description() + ")" : "");
    }
}
