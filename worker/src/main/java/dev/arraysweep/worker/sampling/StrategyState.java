package dev.arraysweep.worker.sampling;

import java.io.Serializable;
import java.util.Map;

/**
 * The checkpointable state of a sampling strategy: named arrays and numbers, serialisable with Java's
 * standard serialisation into the checkpoint.
 */
public record StrategyState(String strategy, Map<String, Serializable> values) implements Serializable {
}
