package dev.arraysweep.worker.spec;

import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.Params;

/** Checks a spec value against its parameter's constraint in the registry, so the ranges are defined once. */
final class Valid {
    private Valid() {}

    /** Throws unless {@code value} is an allowed value of parameter {@code name}. */
    static void check(String name, Object value) {
        try {
            Params.coerce(name, value instanceof Enum<?> e ? Choices.name(e) : value);
        } catch (ParamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Throws with {@code message} unless {@code condition} holds. */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
