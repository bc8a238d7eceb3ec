package dev.arraysweep.worker.sampling;

import java.io.Serializable;
import java.util.Map;

/**
 * The checkpointable state of a sampling strategy: named arrays and numbers, serialisable with Java's
 * standard serialisation into the checkpoint. A composed strategy keeps its inner strategy's state under
 * {@code "inner"}.
 */
public record StrategyState(String strategy, Map<String, Serializable> values) implements Serializable {
    /** {@return the values, after checking that this state was saved by strategy {@code name}} */
    Map<String, Serializable> valuesOf(String name) {
        if (!strategy.equals(name)) {
            throw new IllegalArgumentException("a " + name + " strategy cannot restore the state of " + strategy
                    + "; the checkpoint belongs to a run with other sampling parameters");
        }
        return values;
    }
}
