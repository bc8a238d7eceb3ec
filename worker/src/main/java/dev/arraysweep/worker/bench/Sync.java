package dev.arraysweep.worker.bench;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/** Waits until the device has done all queued work, so that a timer read afterwards covers it. */
final class Sync {
    private Sync() {}

    /**
     * Reads the smallest trainable parameter of {@code block} to the host: the copy is queued behind every
     * earlier operation, so it returns only when they are done (on a CPU they already are).
     */
    static void await(Block block) {
        Parameter smallest = null;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()
                    && (smallest == null
                            || p.getArray().size() < smallest.getArray().size())) {
                smallest = p;
            }
        }
        if (smallest != null) {
            smallest.getArray().toFloatArray();
        }
    }
}
