package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Submission;
import dev.arraysweep.db.repo.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marks {@code lost} the runs that the database says are running but that nobody runs any more: their
 * heartbeat is stale and Slurm no longer knows their task, or reports it finished.
 *
 * <p>Slurm is asked once (one batched {@code squeue}, {@code sacct} where accounting works), and only when
 * there is a stale running run of a submitted array; a healthy sweep costs one indexed query.
 */
public final class Reconciler {
    private final Database db;
    private final Slurm slurm;
    private final Clock clock;
    private final Duration stale;

    /**
     * @param stale heartbeat age after which a running run is suspect ({@code ARRAYSWEEP_STALE_SECONDS})
     */
    public Reconciler(Database db, Slurm slurm, Clock clock, Duration stale) {
        this.db = db;
        this.slurm = slurm;
        this.clock = clock;
        this.stale = stale;
    }

    /** A run marked lost, with what Slurm said about its task. */
    public record LostRun(Run run, String why) {}

    /**
     * Marks lost runs of one sweep, or of all when {@code sweepId} is null.
     *
     * @return the runs marked lost
     */
    public List<LostRun> markLost(Long sweepId) {
        Instant now = clock.instant();
        List<Run> suspects = db.submissions().staleSubmittedRuns(sweepId, now.minus(stale));
        if (suspects.isEmpty()) {
            return List.of();
        }
        List<Submission> submissions = new ArrayList<>();
        suspects.stream()
                .map(Run::sweepId)
                .distinct()
                .forEach(id -> submissions.addAll(db.submissions().forSweep(id)));
        SubmittedTasks tasks = SubmittedTasks.poll(slurm, submissions, suspects);
        Map<Run, String> lost = new LinkedHashMap<>();
        for (Run r : suspects) {
            Optional<TaskState> task = tasks.task(r);
            String heartbeat = r.heartbeatAt() == null
                    ? "no heartbeat"
                    : "last heartbeat " + Duration.between(r.heartbeatAt(), now).toSeconds() + " s ago";
            if (task.isEmpty()) {
                lost.put(r, "Slurm no longer knows task " + r.slurmArrayJobId() + " of it; " + heartbeat);
            } else if (task.get().finished()) {
                lost.put(
                        r,
                        "Slurm reports task " + task.get().name() + " "
                                + task.get().state() + "; " + heartbeat);
            }
        }
        List<LostRun> marked = new ArrayList<>();
        for (var e : lost.entrySet()) {
            Run r = e.getKey();
            if (db.runs().setState(List.of(r.id()), RunState.RUNNING, RunState.LOST) == 1) {
                db.runs().event(r.id(), r.attempt(), RunState.LOST.dbName(), e.getValue());
                marked.add(new LostRun(r, e.getValue()));
            }
        }
        return marked;
    }
}
