package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.model.Submission;
import dev.arraysweep.db.repo.Database;
import java.util.ArrayList;
import java.util.List;

/** Cancels a sweep's job arrays that Slurm still has queued or running, as recorded in {@code submission}. */
public final class ArrayCanceller {
    private final Database db;
    private final Slurm slurm;

    public ArrayCanceller(Database db, Slurm slurm) {
        this.db = db;
        this.slurm = slurm;
    }

    /**
     * Asks Slurm once about every array of the sweep and cancels the active ones ({@code scancel JOB}).
     *
     * @return the cancelled arrays, oldest first; empty when none was active
     */
    public List<Submission> cancelActive(long sweepId) {
        List<Submission> submissions = db.submissions().forSweep(sweepId);
        if (submissions.isEmpty()) {
            return List.of();
        }
        SlurmPoll poll = slurm.poll(submissions.stream().map(Submission::jobId).toList());
        List<Submission> cancelled = new ArrayList<>();
        for (Submission s : submissions) {
            if (poll.anyActive(s.jobId())) {
                slurm.cancel(s.jobId());
                cancelled.add(s);
            }
        }
        return cancelled;
    }
}
