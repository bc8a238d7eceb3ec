package dev.arraysweep.orchestrator.local;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalReader;
import dev.arraysweep.db.model.EpochMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs array tasks on this machine as separate worker processes, at most {@code parallel} at once, each
 * with {@code SLURM_ARRAY_TASK_ID} set as Slurm would, its output in {@code runs/<sweep>/logs/local-<i>.out}.
 */
public final class LocalRunner {
    private final Workspace workspace;
    private final Map<String, String> env;
    private final PrintStream out;
    /** How long a stopped run-local waits for its workers to checkpoint (a step and a checkpoint: seconds). */
    static final Duration STOP_WAIT = Duration.ofSeconds(120);

    private int threadsPerWorker = 1;
    private final Map<Integer, Integer> totals = new LinkedHashMap<>();

    public LocalRunner(Workspace workspace, Map<String, String> env, PrintStream out) {
        this.workspace = workspace;
        this.env = env;
        this.out = out;
    }

    /**
     * Runs the tasks of {@code epochsByIndex}'s keys in its order, printing a line per finished epoch of each
     * (read from its journal) besides its start and end.
     *
     * @param epochsByIndex the runs to train, by array index, with how many epochs each trains
     * @return the exit status of every task, by array index
     */
    public Map<Integer, Integer> run(String sweep, Map<Integer, Integer> epochsByIndex, int parallel)
            throws IOException, InterruptedException {
        List<Integer> indices = new ArrayList<>(epochsByIndex.keySet());
        totals.clear();
        totals.putAll(epochsByIndex);
        Files.createDirectories(workspace.logDir(sweep));
        threadsPerWorker = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, parallel));
        Deque<Integer> queue = new ArrayDeque<>(indices);
        Map<Integer, Process> running = new ConcurrentHashMap<>();
        Map<Integer, Long> journalOffsets = new LinkedHashMap<>();
        Map<Integer, Integer> exits = new LinkedHashMap<>();
        Thread stopWorkers = new Thread(() -> stopWorkers(sweep, running), "run-local: stop the workers");
        Runtime.getRuntime().addShutdownHook(stopWorkers);
        try {
            runAll(sweep, parallel, queue, running, journalOffsets, exits);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopWorkers);
            } catch (IllegalStateException e) {
                // shutting down: the hook is stopping the workers
            }
        }
        return exits;
    }

    /**
     * When this process is stopped (Ctrl-C, {@code kill}, the end of a job that ran it) while workers train: asks
     * each to stop as Slurm would (SIGTERM: the worker finishes its step, checkpoints and records the run
     * {@code preempted}) and waits for them, so the next {@code run-local} resumes every run where it stopped
     * instead of finding workers that train on without it.
     */
    private void stopWorkers(String sweep, Map<Integer, Process> running) {
        if (running.isEmpty()) {
            return;
        }
        out.printf(
                "stopping %d worker%s of %s: each checkpoints, then run-local again resumes it%n",
                running.size(), running.size() == 1 ? "" : "s", sweep);
        running.values().forEach(Process::destroy);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Process p : running.values()) {
            try {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    out.println("a worker did not stop within " + STOP_WAIT.toSeconds() + " s: killed (pid " + p.pid()
                            + "); its run resumes from its last finished epoch");
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.flush();
    }

    private void runAll(
            String sweep,
            int parallel,
            Deque<Integer> queue,
            Map<Integer, Process> running,
            Map<Integer, Long> journalOffsets,
            Map<Integer, Integer> exits)
            throws IOException, InterruptedException {
        while (!queue.isEmpty() || !running.isEmpty()) {
            while (!queue.isEmpty() && running.size() < parallel) {
                int index = queue.poll();
                journalOffsets.put(index, size(workspace.journal(sweep, index)));
                running.put(index, start(sweep, index));
                out.printf(
                        "started  run %d of %s (%d running, %d queued)%n", index, sweep, running.size(), queue.size());
            }
            for (var e : new ArrayList<>(running.entrySet())) {
                boolean ended = !e.getValue().isAlive();
                printEpochs(sweep, e.getKey(), journalOffsets);
                if (ended) {
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
    }

    /** Prints a line for each epoch the worker of {@code index} journaled since the last look. */
    private void printEpochs(String sweep, int index, Map<Integer, Long> offsets) {
        Path journal = workspace.journal(sweep, index);
        if (!Files.exists(journal)) {
            return;
        }
        JournalReader.Chunk chunk;
        try {
            chunk = JournalReader.read(journal, offsets.get(index));
        } catch (UncheckedIOException e) {
            return; // the next look reads it
        }
        offsets.put(index, chunk.endOffset());
        for (JournalEvent ev : chunk.events()) {
            if (!JournalEvent.EPOCH.equals(ev.type())) {
                continue;
            }
            ev.metrics().stream()
                    .filter(m -> m.split().equals("test"))
                    .forEach(m -> out.println(epochLine(sweep, index, m, totals.getOrDefault(index, 0))));
        }
    }

    /**
     * {@return one line for a finished epoch}: the epoch as the database numbers it (from 0) and how many of
     * the run's epochs are done, e.g. {@code run 3 of demo: epoch 1 (2/4) test acc 0.8421 loss 0.4312, 6.2 s}
     */
    static String epochLine(String sweep, int index, EpochMetrics m, int epochsTotal) {
        return String.format(
                Locale.ROOT,
                "run %d of %s: epoch %d (%d/%s) test acc %.4f loss %.4f, %.1f s",
                index,
                sweep,
                m.epoch(),
                m.epoch() + 1,
                epochsTotal > 0 ? Integer.toString(epochsTotal) : "?",
                m.accuracy(),
                m.meanLoss(),
                m.epochSeconds());
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
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
