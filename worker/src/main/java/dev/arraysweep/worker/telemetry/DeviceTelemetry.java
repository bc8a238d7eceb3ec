package dev.arraysweep.worker.telemetry;

import ai.djl.Device;
import dev.arraysweep.db.model.GpuFigures;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * The device figures of a run's epochs: bytes in use on its GPU as the engine tells them, and its GPU as
 * {@code nvidia-smi} reports it, from a watch that runs from the run's start to its end. Close it when the run
 * ends, so that {@code nvidia-smi} stops with it.
 */
public final class DeviceTelemetry implements AutoCloseable {
    /** The device figures of one epoch; each null where there is nothing to tell. */
    public record Reading(Long deviceMemoryBytes, GpuFigures gpu) {}

    private final Device device;
    private final Optional<GpuWatch> watch;

    private DeviceTelemetry(Device device, Optional<GpuWatch> watch) {
        this.device = device;
        this.watch = watch;
    }

    /**
     * Starts watching the GPU a run on {@code device} uses ({@link GpuTarget}) with the {@code nvidia-smi} on
     * {@code env}'s {@code PATH}, if there are both; {@code log} gets a line if the watch fails.
     */
    public static DeviceTelemetry start(Device device, Map<String, String> env, PrintStream log) {
        Optional<GpuWatch> watch =
                GpuTarget.of(device, env).flatMap(target -> GpuWatch.start(target, env.get("PATH"), log));
        return new DeviceTelemetry(device, watch);
    }

    /** {@return whether {@code nvidia-smi} is watching a GPU} */
    public boolean watching() {
        return watch.isPresent();
    }

    /** Marks the start of training: readings before it (loading data and model) count for no epoch. */
    public void startEpochs() {
        watch.ifPresent(GpuWatch::startEpochs);
    }

    /** {@return the figures of the epoch that just ended (since the previous call, or {@link #startEpochs()})} */
    public Reading endEpoch() {
        return new Reading(
                DeviceMemory.bytesInUse(device), watch.map(GpuWatch::endEpoch).orElse(null));
    }

    @Override
    public void close() {
        watch.ifPresent(GpuWatch::close);
    }
}
