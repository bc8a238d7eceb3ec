package dev.arraysweep.worker.telemetry;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;

/** Bytes in use on a GPU as the engine tells them. */
public final class DeviceMemory {
    private DeviceMemory() {}

    /**
     * {@return bytes in use on {@code device} (the whole GPU as CUDA's {@code cudaMemGetInfo} reports it: total
     * minus free, PyTorch's cache and other processes included), or null on a CPU or where CUDA cannot tell}
     */
    public static Long bytesInUse(Device device) {
        if (!device.isGpu()) {
            return null;
        }
        try {
            MemoryUsage usage = CudaUtils.getGpuMemory(device);
            return usage.getCommitted();
        } catch (RuntimeException | LinkageError e) {
            return null; // no CUDA runtime DJL can load: the figure stays empty rather than failing the run
        }
    }
}
