package dev.arraysweep.worker.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory (JVM heap and native libtorch allocations alike), read from /proc. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** {@return the resident set size of this process now (VmRSS), in bytes, or -1 without /proc} */
    public static long residentBytes() {
        return statusField("VmRSS:");
    }

    /** {@return the peak resident set size of this process so far (VmHWM), in bytes, or -1 without /proc} */
    public static long peakResidentBytes() {
        return statusField("VmHWM:");
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
