package dev.arraysweep.db.model;

/**
 * What {@code nvidia-smi} said of the run's GPU during one epoch: the thesis' "Process GPU Utilization", "GPU
 * Temp", "GPU Power Usage" and "GPU Memory Allocated" (seed 004 l.1855-1866, tracked there through W&B's system
 * metrics). Each figure is the mean of the readings taken while the epoch trained and was evaluated (one a
 * second), or the latest reading when none fell in the epoch. A figure the GPU does not report ({@code [N/A]},
 * {@code [Not Supported]}) is null.
 *
 * @param utilizationPercent percent of the time a kernel ran on the GPU ({@code utilization.gpu})
 * @param temperatureC the GPU's core temperature in degrees Celsius ({@code temperature.gpu})
 * @param powerWatts the board's power draw in watts ({@code power.draw})
 * @param memoryUsedBytes memory in use on the whole GPU, every process's ({@code memory.used})
 * @param readings the readings the means are taken over (0 when the latest reading before the epoch stood in)
 */
public record GpuFigures(
        Double utilizationPercent, Double temperatureC, Double powerWatts, Long memoryUsedBytes, int readings) {}
