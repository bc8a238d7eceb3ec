package dev.arraysweep.db;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine as arraysweep reports it: its name (workers record it, lock holders announce it) and its load. */
public final class Hosts {
    private Hosts() {}

    /** {@return this machine's host name; {@code localhost} when it cannot be found} */
    public static String name() {
        String slurm = System.getenv("SLURMD_NODENAME");
        if (slurm != null && !slurm.isBlank()) {
            return slurm;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** {@return the 1, 5 and 15 minute load averages, as /proc/loadavg gives them; "unknown" without it} */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
