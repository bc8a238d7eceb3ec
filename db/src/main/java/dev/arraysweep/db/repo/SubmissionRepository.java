package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunningRun;
import dev.arraysweep.db.model.Submission;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads and writes the {@code submission} table through {@link SubmissionDao}: which Slurm job arrays run which
 * runs of a sweep.
 */
public final class SubmissionRepository {
    private final Jdbi jdbi;
    private final Clock clock;

    SubmissionRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records an accepted array and, in the same transaction, its job id on the runs it covers
     * ({@code run.slurm_array_job_id}; {@code slurm_job_id}, the task's own id, is set when a task claims the run).
     *
     * @return the stored submission
     */
    public Submission record(
            long sweepId,
            String jobId,
            String arraySpec,
            int indexOffset,
            String scriptPath,
            List<Integer> runIndices) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbi.inTransaction(h -> {
            SubmissionDao submissions = h.attach(SubmissionDao.class);
            long id = submissions.insert(sweepId, jobId, arraySpec, indexOffset, scriptPath, now);
            if (!runIndices.isEmpty()) {
                submissions.coverRuns(sweepId, jobId, runIndices);
            }
            return submissions.byId(id);
        });
    }

    /** {@return every submission of a sweep, oldest first} */
    public List<Submission> forSweep(long sweepId) {
        return jdbi.onDemand(SubmissionDao.class).forSweep(sweepId);
    }

    /**
     * Finds the candidates for {@code lost}: runs that are {@code running} with a heartbeat older than
     * {@code staleBefore} and whose array job arraysweep submitted. Runs started by {@code run-local} have no
     * submission and are never among them.
     *
     * @param sweepId the sweep, or null for every sweep
     */
    public List<Run> staleSubmittedRuns(Long sweepId, Instant staleBefore) {
        // sweep by sweep, so each query reads only that sweep's running runs through run(sweep_id, state)
        // instead of every run in the database; sweeps never submitted (run-local) are not looked at
        return jdbi.withHandle(h -> {
            SubmissionDao submissions = h.attach(SubmissionDao.class);
            List<Long> sweeps = sweepId == null ? submissions.submittedSweeps() : submissions.submittedSweeps(sweepId);
            OffsetDateTime before = OffsetDateTime.ofInstant(staleBefore, ZoneOffset.UTC);
            List<Run> runs = new ArrayList<>();
            for (long sweep : sweeps) {
                runs.addAll(submissions.staleRuns(sweep, before));
            }
            return runs;
        });
    }

    /**
     * {@return the running runs of one sweep (or of all, {@code sweepId} null) that no submitted array covers,
     * without a heartbeat since {@code quietSince}: those of run-local and of workers started by hand, which
     * Slurm cannot vouch for}
     */
    public List<RunningRun> runningUnsubmitted(Long sweepId, Instant quietSince) {
        OffsetDateTime since = OffsetDateTime.ofInstant(quietSince, ZoneOffset.UTC);
        return jdbi.withHandle(h -> {
            SubmissionDao dao = h.attach(SubmissionDao.class);
            List<RunningRun> runs = new ArrayList<>();
            for (long sweep : sweepId == null ? dao.sweepsWithRunningRuns() : List.of(sweepId)) {
                runs.addAll(dao.runningUnsubmitted(sweep, since));
            }
            return runs;
        });
    }
}
