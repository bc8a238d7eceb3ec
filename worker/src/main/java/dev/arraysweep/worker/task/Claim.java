package dev.arraysweep.worker.task;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Plural;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalHistory;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.task.RunLock;
import dev.arraysweep.db.task.RunRecorder;
import dev.arraysweep.db.task.TaskFile;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker's hold on one run, from the moment it owns it until it lets go: the run's lock (so no second
 * worker trains it, with or without a database), the attempt number (one more than any before, from the
 * journal, which only the lock holder writes), the recorder of its events and its heartbeat.
 */
final class Claim implements AutoCloseable {
    /** How long a refused worker waits for the holder to have written who it is. */
    private static final Duration HOLDER_PATIENCE = Duration.ofSeconds(2);

    private final TaskFile task;
    private final RunLock lock;
    private final int attempt;
    private final RunRecorder recorder;
    private final Heartbeat heartbeat;
    private final Clock clock;

    private Claim(TaskFile task, RunLock lock, int attempt, RunRecorder recorder, Clock clock) {
        this.task = task;
        this.lock = lock;
        this.attempt = attempt;
        this.recorder = recorder;
        this.clock = clock;
        this.heartbeat = Heartbeat.start(lock, recorder, attempt, clock);
    }

    /**
     * Takes run {@code task} for this process and journals the claim.
     *
     * @param live the database the worker writes to as it goes, or null (journal only)
     * @throws ExitException wrong state (3) when another worker holds the run, or it is done or retired
     */
    static Claim take(
            Workspace ws,
            TaskFile task,
            TaskRunner.TaskInfo info,
            Database live,
            Map<String, String> env,
            Clock clock,
            PrintStream out) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("job", info.jobId());
        owner.put("arrayJob", info.arrayJobId());
        owner.put("node", info.node());
        RunLock lock = RunLock.tryAcquire(ws.runLock(task.sweep(), task.index()), owner, RunLock.waitFrom(env), clock)
                .orElseThrow(() -> ExitException.wrongState(busy(ws, task)));
        try {
            JournalHistory history = JournalHistory.of(ws.journal(task.sweep(), task.index()));
            if (task.retired()) {
                throw ExitException.wrongState("run " + task.index() + " of " + task.sweep() + " was retired (it is no"
                        + " longer in the sweep file); add its parameters back and expand again to run it");
            }
            if (history.done() && history.epochsDone() >= task.epochsTotal()) {
                throw ExitException.wrongState("run " + task.index() + " of " + task.sweep() + " is already done ("
                        + Plural.of(history.epochsDone(), "epoch") + "); nothing to do");
            }
            int attempt = history.lastAttempt() + 1;
            if (live != null) {
                attempt = Math.max(attempt, storedAttempt(live, task) + 1);
            }
            RunRecorder recorder =
                    new RunRecorder(Journal.open(ws.journal(task.sweep(), task.index())), live, task.runId(), out);
            recorder.record(new JournalEvent(
                    JournalEvent.CLAIM,
                    task.sweep(),
                    task.index(),
                    task.runId(),
                    attempt,
                    clock.millis(),
                    history.epochsDone(),
                    List.of(),
                    info.node(),
                    info.node(),
                    info.jobId(),
                    info.arrayJobId()));
            return new Claim(task, lock, attempt, recorder, clock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    /** {@return the attempt the database has seen for the run, 0 when it cannot say} */
    private static int storedAttempt(Database live, TaskFile task) {
        try {
            return live.runs().byId(task.runId()).map(r -> r.attempt()).orElse(0);
        } catch (RuntimeException e) {
            return 0; // unreachable now: the journal's count stands
        }
    }

    private static String busy(Workspace ws, TaskFile task) {
        Map<String, Object> h = RunLock.holder(ws.runLock(task.sweep(), task.index()), HOLDER_PATIENCE);
        String who = h.isEmpty()
                ? "another process"
                : "pid " + h.get("pid") + " on " + h.get("host")
                        + (h.get("job") == null ? "" : " (Slurm job " + h.get("job") + ")") + " since "
                        + h.get("since");
        return "run " + task.index() + " of " + task.sweep() + " is already being trained by " + who
                + "; refusing to start a second worker for it. If that worker hangs, stop it (scancel, or kill its pid)"
                + " and start this one again.";
    }

    /** Journals (and, live, writes) an event of this attempt. */
    void record(String type, int epochsDone, List<EpochMetrics> rows, String detail) {
        recorder.record(new JournalEvent(
                type, task.sweep(), task.index(), task.runId(), attempt, clock.millis(), epochsDone, rows, detail));
    }

    /** Journals (and, live, writes) the end of a run that early stopping ended after epoch {@code stopEpoch}. */
    void recordStoppedEarly(int epochsDone, int stopEpoch, String reason) {
        recorder.record(JournalEvent.stoppedEarly(
                task.sweep(), task.index(), task.runId(), attempt, clock.millis(), epochsDone, stopEpoch, reason));
    }

    /** Tells the heartbeat how far the run is. */
    void epochsDone(int n) {
        heartbeat.epochsDone(n);
    }

    /** {@return this claim's attempt number} */
    int attempt() {
        return attempt;
    }

    /** {@return the run's task} */
    TaskFile task() {
        return task;
    }

    @Override
    public void close() {
        heartbeat.close();
        try {
            recorder.close();
        } finally {
            lock.close();
        }
    }
}
