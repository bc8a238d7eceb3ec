package dev.arraysweep.worker.cli;

import java.util.Map;

/**
 * Keeps DJL off the network: it otherwise asks 169.254.169.254 for an instance id when the engine loads,
 * and downloads libtorch when none is found. Tracking is always off; offline mode is on unless
 * {@code ARRAYSWEEP_DJL_ONLINE=true} (for a cluster node that should download libtorch itself).
 */
final class NoNetwork {
    private NoNetwork() {}

    static void apply(Map<String, String> env) {
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (!"true".equalsIgnoreCase(env.get("ARRAYSWEEP_DJL_ONLINE"))) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
