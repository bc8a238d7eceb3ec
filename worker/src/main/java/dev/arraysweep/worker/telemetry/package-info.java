/**
 * What a run's machine does while it trains, the figures the thesis tracked beside its metrics (seed 004
 * l.1855-1866): the process's resident memory ({@link dev.arraysweep.worker.telemetry.ProcessMemory}), the bytes
 * in use on its GPU as the engine tells them ({@link dev.arraysweep.worker.telemetry.DeviceMemory}), and the GPU's
 * utilisation, temperature, power and memory as {@code nvidia-smi} reports them
 * ({@link dev.arraysweep.worker.telemetry.GpuWatch}, on the GPU {@link dev.arraysweep.worker.telemetry.GpuTarget}
 * picks). {@link dev.arraysweep.worker.telemetry.DeviceTelemetry} gathers them per epoch.
 *
 * <p>Depends on no other worker package; {@code train}, {@code task} and {@code bench} use it.
 */
package dev.arraysweep.worker.telemetry;
