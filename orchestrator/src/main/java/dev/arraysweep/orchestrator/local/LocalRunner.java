package dev.arraysweep.orchestrator.local;

import dev.arraysweep.db.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs array tasks on this machine as separate worker processes, at most {@code parallel} at once, each
 * with {@code SLURM_ARRAY_TASK_ID} set as Slurm would, its output in {@code runs/<sweep>/logs/local-<i>.out}.
 */
public final class LocalRunner {
    private final Workspace workspace;
    private final Map<String, String> env;
    private final PrintStream out;
    private int threadsPerWorker = 1;

    public LocalRunner(Workspace workspace, Map<String, String> env, PrintStream out) {
        this.workspace = workspace;
        this.env = env;
        this.out = out;
    }

    /** {@return the exit status of every task, by array index} */
    public Map<Integer, Integer> run(String sweep, List<Integer> indices, int parallel)
            throws IOException, InterruptedException {
        Files.createDirectories(workspace.logDir(sweep));
        threadsPerWorker = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, parallel));
        Deque<Integer> queue = new ArrayDeque<>(indices);
        Map<Integer, Process> running = new LinkedHashMap<>();
        Map<Integer, Integer> exits = new LinkedHashMap<>();
        while (!queue.isEmpty() || !running.isEmpty()) {
            while (!queue.isEmpty() && running.size() < parallel) {
                int index = queue.poll();
                running.put(index, start(sweep, index));
                out.printf(
                        "started  run %d of %s (%d running, %d queued)%n", index, sweep, running.size(), queue.size());
            }
            for (var e : new ArrayList<>(running.entrySet())) {
                if (!e.getValue().isAlive()) {
                    int code = e.getValue().exitValue();
                    exits.put(e.getKey(), code);
                    running.remove(e.getKey());
                    out.printf(
                            "finished run %d of %s: %s%n",
                            e.getKey(), sweep, code == 0 ? "ok" : "exit " + code + ", see " + log(sweep, e.getKey()));
                }
            }
            if (!running.isEmpty()) {
                Thread.sleep(200);
            }
        }
        return exits;
    }

    private Path log(String sweep, int index) {
        return workspace.localLog(sweep, index);
    }

    private Process start(String sweep, int index) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(WorkerLauncher.command(env, List.of("run", "--sweep", sweep)));
        pb.environment().putAll(env);
        pb.environment().put("SLURM_ARRAY_TASK_ID", Integer.toString(index));
        pb.environment().put("SLURM_ARRAY_JOB_ID", "local");
        pb.environment().put("SLURM_JOB_ID", "local-" + index);
        pb.environment().put(Workspace.WORKDIR_ENV, workspace.root().toString());
        pb.environment().put(Workspace.DB_ENV, workspace.dbUrl());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().putIfAbsent("DJL_OFFLINE", "true");
        // workers share the cores: without this each libtorch starts one thread per core and they thrash
        pb.environment().putIfAbsent("OMP_NUM_THREADS", Integer.toString(threadsPerWorker));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log(sweep, index).toFile()));
        return pb.start();
    }
}
