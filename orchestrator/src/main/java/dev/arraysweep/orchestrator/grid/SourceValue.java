package dev.arraysweep.orchestrator.grid;

import java.util.Objects;

/**
 * A parameter value from a sweep file, in canonical form, with the key and position it was written at.
 *
 * @param value the canonical value (see {@link dev.arraysweep.db.params.Params#coerce}); null for a
 *     nullable parameter written as null
 * @param key where it was written, e.g. {@code grid.batch_size}, {@code zip[0].model}, {@code seeds}
 * @param line the 1-based line of the value
 * @param column the 1-based column of the value
 */
public record SourceValue(Object value, String key, int line, int column) {
    public SourceValue {
        Objects.requireNonNull(key, "key");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    /** {@return "line:column"} */
    public String position() {
        return line + ":" + column;
    }
}
