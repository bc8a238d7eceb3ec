package dev.arraysweep.orchestrator.concurrent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code arraysweep} commands and workers as separate JVMs, the way a user's shell or Slurm starts them,
 * from the test class path, each with its own log; the processes share nothing but the work directory.
 */
final class Processes {
    static final String ARRAYSWEEP = "dev.arraysweep.orchestrator.cli.Main";
    static final String WORKER = "dev.arraysweep.worker.cli.WorkerMain";

    private final Path logs;
    private final Map<String, String> env;
    private int started;

    /**
     * @param logs the folder for the processes' output
     * @param env variables every process gets besides this JVM's (e.g. {@code ARRAYSWEEP_WORKDIR})
     */
    Processes(Path logs, Map<String, String> env) throws IOException {
        this.logs = Files.createDirectories(logs);
        this.env = env;
    }

    /** A started process and the file that holds what it printed. */
    record Started(Process process, Path log, String what) {
        /** {@return its exit status, waiting up to {@code seconds}; -1 when it had to be killed} */
        int exit(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return -1;
            }
            return process.exitValue();
        }

        /** Sends it signal {@code name} ({@code TERM}, {@code USR1}, ...) with {@code kill}, as Slurm or a user would. */
        void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IOException("kill -" + name + " " + process.pid() + " failed");
            }
        }

        /** {@return what it printed} */
        String output() throws IOException {
            return Files.readString(log);
        }
    }

    /** Starts {@code main} with {@code args} and extra variables {@code more}. */
    Started start(String main, List<String> args, Map<String, String> more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                main.equals(WORKER) ? "-Xmx1g" : "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Dai.djl.offline=true",
                "-DOPT_OUT_TRACKING=true",
                "-cp",
                System.getProperty("java.class.path"),
                main));
        cmd.addAll(args);
        String what = (main.equals(WORKER) ? "worker " : "arraysweep ") + String.join(" ", args);
        Path log;
        synchronized (this) {
            log = logs.resolve((started++) + "-" + args.get(0) + ".log");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("ARRAYSWEEP_DB");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().putAll(env);
        pb.environment().putAll(more);
        return new Started(pb.start(), log, what);
    }

    /** Starts {@code worker run --sweep SWEEP --index INDEX} with extra variables {@code more}. */
    Started worker(String sweep, int index, Map<String, String> more) throws IOException {
        return start(WORKER, List.of("run", "--sweep", sweep, "--index", Integer.toString(index)), more);
    }

    /** Starts {@code arraysweep ARGS}. */
    Started arraysweep(String... args) throws IOException {
        return start(ARRAYSWEEP, List.of(args), Map.of());
    }
}
