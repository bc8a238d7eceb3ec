package dev.arraysweep.orchestrator.local;

import dev.arraysweep.db.ExitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the command that starts a worker process: {@code $ARRAYSWEEP_WORKER_CLASSPATH} (a Java class path,
 * used by tests), else {@code bin/worker} under the installation ({@code -Darraysweep.home}, set by
 * {@code bin/arraysweep}).
 */
public final class WorkerLauncher {
    /** Environment variable with a class path that contains the worker; overrides bin/worker. */
    public static final String CLASSPATH_ENV = "ARRAYSWEEP_WORKER_CLASSPATH";

    private WorkerLauncher() {}

    /** {@return the command line that runs {@code worker ARGS...}} */
    public static List<String> command(Map<String, String> env, List<String> workerArgs) {
        List<String> cmd = new ArrayList<>();
        String cp = env.get(CLASSPATH_ENV);
        if (cp != null && !cp.isBlank()) {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add(env.getOrDefault("ARRAYSWEEP_WORKER_XMX", "-Xmx3g"));
            cmd.add("-Dai.djl.offline=true");
            cmd.add("-DOPT_OUT_TRACKING=true");
            cmd.add("-cp");
            cmd.add(cp);
            cmd.add("dev.arraysweep.worker.cli.WorkerMain");
        } else {
            cmd.add(workerScript().toString());
        }
        cmd.addAll(workerArgs);
        return cmd;
    }

    /** {@return the bin/worker launcher of this installation} */
    public static Path workerScript() {
        String home = System.getProperty("arraysweep.home");
        if (home == null) {
            throw ExitException.badInput("cannot find bin/worker: start arraysweep through bin/arraysweep (it sets"
                    + " -Darraysweep.home), or set " + CLASSPATH_ENV + " to a class path containing the worker");
        }
        Path script = Path.of(home, "bin", "worker");
        if (!Files.isExecutable(script)) {
            throw ExitException.badInput("the worker launcher " + script + " is missing or not executable");
        }
        return script;
    }
}
