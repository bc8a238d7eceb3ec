package dev.arraysweep.worker.bench;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process and device memory as the benchmark reports it. */
final class Memory {
    private Memory() {}

    /** {@return the peak resident set size of this process so far (VmHWM), in bytes, or -1 without /proc} */
    static long peakHostBytes() {
        return statusField("VmHWM:");
    }

    /** {@return the resident set size of this process now (VmRSS), in bytes, or -1 without /proc} */
    static long hostBytes() {
        return statusField("VmRSS:");
    }

    /**
     * {@return bytes in use on the GPU (the whole device, as cudaMemGetInfo reports it: PyTorch's cache
     * included), or null on a CPU}
     */
    static Long deviceBytes(Device device) {
        if (!device.isGpu()) {
            return null;
        }
        MemoryUsage usage = CudaUtils.getGpuMemory(device);
        return usage.getCommitted();
    }

    private static long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
