package dev.arraysweep.db.params;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The registry of every run parameter, and the normalisation of raw parameter maps into runs. */
public final class Params {
    private static final Map<String, ParamDef> BY_NAME = index(ParamRegistry.ALL);

    /** Names people reach for that are not ours; checked before edit distance. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("lr", "learning_rate"),
            Map.entry("wd", "weight_decay"),
            Map.entry("bs", "batch_size"),
            Map.entry("scheduler", "lr_scheduler"),
            Map.entry("arch", "model"),
            Map.entry("network", "model"),
            Map.entry("optim", "optimizer"),
            Map.entry("augment", "augmentation"),
            Map.entry("data", "dataset"),
            Map.entry("n_epochs", "epochs"),
            Map.entry("num_epochs", "epochs"),
            Map.entry("random_seed", "seed"),
            Map.entry("raw_batch_size", "accumulation_batch_size"),
            Map.entry("warmup", "warmup_epochs"));

    private Params() {}

    /** {@return every parameter definition, in registry (dependency) order} */
    public static List<ParamDef> all() {
        return ParamRegistry.ALL;
    }

    /**
     * {@return whether training with {@code p} depends on its total number of epochs}, so that the run cannot be
     * extended (trained longer from its final state) to the result of a longer run: it carries a parameter
     * {@linkplain ParamDef#spreadOverEpochs() spread over the epochs} (today {@code final_power}, which a decaying
     * selection power reaches at the last epoch). The learning-rate schedules are per epoch and do not.
     */
    public static boolean dependsOnTotalEpochs(ParamValues p) {
        return ParamRegistry.ALL.stream().anyMatch(d -> d.spreadOverEpochs() && p.has(d.name()));
    }

    /** {@return every parameter name, in registry order} */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** {@return the definition of {@code name}, if it is a parameter} */
    public static Optional<ParamDef> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** {@return the parameter a mistyped {@code name} most likely meant, for a "did you mean" hint} */
    public static Optional<String> suggest(String name) {
        String alias = ALIASES.get(name.toLowerCase(Locale.ROOT).replace('-', '_'));
        return alias != null ? Optional.of(alias) : DidYouMean.closest(name, names());
    }

    /**
     * Coerces one value to the canonical type of parameter {@code name} and checks its allowed values,
     * without looking at other parameters.
     *
     * @return the canonical value ({@code null} only for a nullable parameter given null)
     * @throws ParamException if {@code name} is unknown or the value has the wrong type or range
     */
    public static Object coerce(String name, Object value) throws ParamException {
        ParamDef def = BY_NAME.get(name);
        if (def == null) {
            throw unknown(name, value);
        }
        return Coercion.coerce(def, value);
    }

    /**
     * Turns a raw parameter map into a canonical run: fills defaults, coerces types, checks ranges and
     * cross-field rules, and removes the parameters that do not apply or stand at their
     * {@linkplain ParamDef#implicitAt implicit} value, so equivalent runs are equal.
     *
     * <p>Values of parameters that do not apply are still type- and range-checked before they are
     * dropped: {@code momentum: -1} is an error even next to {@code optimizer: adam}.
     *
     * @throws ParamException on the first unknown key, bad value or broken rule
     */
    public static ParamValues normalize(Map<String, ?> raw) throws ParamException {
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            if (!BY_NAME.containsKey(e.getKey())) {
                throw unknown(e.getKey(), e.getValue());
            }
        }
        Map<String, Object> resolved = new HashMap<>(BY_NAME.size() * 2);
        for (ParamDef def : ParamRegistry.ALL) {
            Object value = raw.containsKey(def.name()) ? Coercion.coerce(def, raw.get(def.name())) : null;
            if (!def.appliesWhen().appliesTo(resolved)) {
                continue;
            }
            Object canonical = value != null ? value : def.defaultValue().valueFor(resolved);
            if (!def.leavesOut(canonical, resolved)) {
                resolved.put(def.name(), canonical);
            }
        }
        CrossRules.check(resolved);
        return new ParamValues(new TreeMap<>(resolved));
    }

    private static ParamException unknown(String name, Object value) {
        String hint = suggest(name)
                .map(s -> "Did you mean \"" + s + "\"?")
                .orElse("The parameters are: " + String.join(", ", names()) + ".");
        return new ParamException(
                name, value, "\"" + name + "\" is not a run parameter", "a known parameter name", hint);
    }

    private static Map<String, ParamDef> index(List<ParamDef> defs) {
        Map<String, ParamDef> byName = new LinkedHashMap<>();
        Set<String> earlier = new HashSet<>();
        for (ParamDef def : defs) {
            if (!earlier.containsAll(def.appliesWhen().dependsOn())) {
                throw new IllegalStateException("parameter " + def.name() + " depends on a later parameter: "
                        + def.appliesWhen().description());
            }
            if (def.implicit() != null
                    && !earlier.containsAll(def.implicit().where().dependsOn())) {
                throw new IllegalStateException("parameter " + def.name() + " is left out by a later parameter: "
                        + def.implicit().where().description());
            }
            if (byName.put(def.name(), def) != null) {
                throw new IllegalStateException("parameter defined twice: " + def.name());
            }
            earlier.add(def.name());
        }
        return Collections.unmodifiableMap(byName);
    }
}
