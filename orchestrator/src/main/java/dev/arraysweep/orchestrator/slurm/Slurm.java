package dev.arraysweep.orchestrator.slurm;

import java.nio.file.Path;
import java.util.Collection;

/** The few things arraysweep asks of a Slurm cluster. */
public interface Slurm {

    /**
     * Submits a batch script ({@code sbatch --parsable SCRIPT}).
     *
     * @return the job id Slurm assigned; for an array, the array job id
     */
    String submit(Path script);

    /**
     * {@return the state of every task of the given jobs, in one batched query}
     *
     * <p>A job that Slurm no longer knows (purged after {@code MinJobAge}, and no accounting) has no
     * tasks in the answer.
     */
    SlurmPoll poll(Collection<String> jobIds);

    /** Cancels a job, with all its array tasks ({@code scancel JOB}). */
    void cancel(String jobId);

    /** {@return the cluster's {@code MaxArraySize}: array task ids must stay below it} */
    int maxArraySize();
}
