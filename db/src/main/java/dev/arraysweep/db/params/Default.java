package dev.arraysweep.db.params;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The value a parameter takes when a run does not set it: a constant, or one computed from the
 * parameters defined before it (gamma from the scheduler, the raw batch size from the batch size).
 *
 * @param description the default as shown to users, e.g. "0.1 for multistep, 0.995 for exponential"
 * @param compute the default, given the canonical values resolved so far (may return null)
 */
public record Default(String description, Function<Map<String, Object>, Object> compute) {

    public Default {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(compute, "compute");
    }

    /** {@return a constant default, already in canonical form} */
    public static Default of(Object value) {
        return new Default(value instanceof String s ? s : CanonicalJson.write(value), resolved -> value);
    }

    /** {@return a default computed from earlier parameters} */
    public static Default computed(String description, Function<Map<String, Object>, Object> compute) {
        return new Default(description, compute);
    }

    /** {@return the default for a run whose earlier parameters are {@code resolved}} */
    public Object valueFor(Map<String, Object> resolved) {
        return compute.apply(resolved);
    }
}
