package dev.arraysweep.worker.bench;

import ai.djl.nn.Block;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * One timed stretch of work: wall-clock seconds, the process's CPU seconds over the same span, and the
 * images it processed. On a shared CPU the wall-clock time also counts the time other processes held the
 * cores; the CPU time (with one torch thread, the compute itself) does not, so its ratios are the steadier.
 */
record Stretch(double wallSeconds, double cpuSeconds, long images) {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** {@return the stretch of running {@code work} on {@code block}'s device, which processes {@code images}} */
    static Stretch time(Block block, long images, Runnable work) {
        Sync.await(block);
        long wall = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        work.run();
        Sync.await(block);
        return new Stretch((System.nanoTime() - wall) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9, images);
    }

    double imagesPerSecond() {
        return images / wallSeconds;
    }

    double imagesPerCpuSecond() {
        return images / cpuSeconds;
    }

    double msPerImage() {
        return 1e3 * wallSeconds / images;
    }

    double cpuMsPerImage() {
        return 1e3 * cpuSeconds / images;
    }
}
