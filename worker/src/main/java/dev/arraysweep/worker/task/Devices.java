package dev.arraysweep.worker.task;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.arraysweep.db.ExitException;

/** Turns the {@code device} parameter into a DJL device; a GPU asked for but absent is an error, never a fallback. */
public final class Devices {
    private Devices() {}

    /** {@return the device for {@code auto}, {@code cpu} or {@code gpu}} */
    public static Device resolve(String name) {
        return switch (name) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (Engine.getInstance().getGpuCount() == 0) {
                    throw ExitException.badInput("device: gpu was asked for, but the PyTorch engine found no GPU"
                            + " (it loaded " + Engine.getInstance().getVersion() + "); run `worker doctor` on the node"
                            + " to see which libtorch was found and what to set (PYTORCH_LIBRARY_PATH,"
                            + " PYTORCH_VERSION, PYTORCH_FLAVOR), or use device: cpu");
                }
                yield Device.gpu();
            }
            default -> Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        };
    }
}
