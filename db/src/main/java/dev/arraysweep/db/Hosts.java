package dev.arraysweep.db;

import java.io.IOException;
import java.net.InetAddress;

/** The name of this machine, as workers record it and lock holders announce it. */
public final class Hosts {
    private Hosts() {
    }

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
}
