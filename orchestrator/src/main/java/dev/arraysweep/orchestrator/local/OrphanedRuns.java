package dev.arraysweep.orchestrator.local;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalHistory;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.RunningRun;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.task.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Marks {@code lost} the runs that the database says are running, outside any array arraysweep submitted
 * (run-local's, or a worker started by hand), whose worker is gone: nobody holds the run's lock. A worker holds
 * it from before it records the run as running until after it records the end, and the kernel lets go of it
 * when the worker dies, even by {@code kill -9} or the out-of-memory killer; so a free lock on a running run means
 * the worker died before it could say so (a run without a lock file is left alone: nothing tells). Such a run would otherwise stay {@code running} for ever, and
 * run-local, which runs pending, preempted and lost runs, would never train it again. A lost run resumes from
 * its last checkpoint.
 *
 * <p>Runs of submitted arrays are Slurm's to vouch for ({@code slurm.Reconciler}): a task Slurm requeues after a
 * node failure holds no lock while it waits, and is not lost.
 */
public final class OrphanedRuns {
    private OrphanedRuns() {}

    /** A run marked lost, and why. */
    public record Orphan(RunningRun run, String sweep, String why) {}

    /**
     * Marks lost the orphaned runs of one sweep, or of all when {@code sweepId} is null, among those whose last
     * heartbeat is older than {@code quietFor} (a worker touches its lock every 30 s; {@link Duration#ZERO}
     * looks at every running run, as run-local does for the runs whose workers it saw end). Only those runs'
     * locks are tried: on a shared file system each try is a round trip to the lock server. {@return them}
     */
    public static List<Orphan> markLost(
            Database db, Workspace workspace, Long sweepId, Clock clock, Duration quietFor) {
        // zero: every running run, one whose heartbeat is a moment ahead of this clock included
        Instant now = clock.instant();
        Instant quietSince = quietFor.isZero() ? now.plus(Duration.ofDays(1)) : now.minus(quietFor);
        List<RunningRun> running = db.submissions().runningUnsubmitted(sweepId, quietSince);
        if (running.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = db.sweeps().list().stream().collect(Collectors.toMap(Sweep::id, Sweep::name));
        List<Orphan> marked = new ArrayList<>();
        for (RunningRun r : running) {
            String sweep = names.get(r.sweepId());
            Path lock = workspace.runLock(sweep, r.arrayIndex());
            if (!Files.exists(lock)
                    || RunLock.isHeld(lock)
                    || JournalHistory.of(workspace.journal(sweep, r.arrayIndex()))
                                    .lastEnd()
                            != null) {
                // no lock file: not a worker of this work directory, nothing to tell by; held: it trains; ended:
                // after this command loaded the journals (the next load has it)
                continue;
            }
            String why = "its worker is gone: nobody holds " + lock
                    + RunLock.heartbeat(lock)
                            .map(t -> " (last heartbeat "
                                    + Duration.between(t, now).toSeconds() + " s ago)")
                            .orElse("")
                    + "; it resumes from its last checkpoint";
            if (db.runs().setState(List.of(r.id()), RunState.RUNNING, RunState.LOST) == 1) {
                db.runs().event(r.id(), r.attempt(), RunState.LOST.dbName(), why);
                marked.add(new Orphan(r, sweep, why));
            }
        }
        return marked;
    }
}
