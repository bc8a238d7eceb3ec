package dev.arraysweep.worker.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the process's resident memory (JVM heap and native libtorch allocations alike) from /proc. */
final class HostMemory {
    private HostMemory() {}

    /** {@return resident set size in bytes, or -1 where /proc is not available} */
    static long residentBytes() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(f[1]) * 4096L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
