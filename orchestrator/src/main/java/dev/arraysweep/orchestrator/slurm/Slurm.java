package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
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

    /** {@return whether Slurm's client tools are there to be asked at all (without asking the cluster)} */
    boolean installed();

    /**
     * Fails with a message that says how to go on without Slurm unless {@link #installed()}.
     *
     * @throws dev.arraysweep.db.ExitException bad input (2)
     */
    default void requireInstalled() {
        if (!installed()) {
            throw ExitException.badInput("sbatch was not found on PATH, so this machine cannot"
                    + " submit to Slurm. Load Slurm's module or install its client tools (slurm-client);"
                    + " without Slurm, `arraysweep run-local SWEEP --parallel N` runs the array on this machine");
        }
    }
}
