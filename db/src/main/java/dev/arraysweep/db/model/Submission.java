package dev.arraysweep.db.model;

import java.time.Instant;

/**
 * One job array submitted to Slurm for a sweep.
 *
 * @param id the row id
 * @param sweepId the sweep it belongs to
 * @param jobId the array job id that {@code sbatch} printed
 * @param arraySpec the {@code --array} value, such as {@code 0-7,9%4}
 * @param indexOffset the run index of task id 0: run index = task id + offset
 * @param scriptPath the rendered batch script, or null
 * @param submittedAt when Slurm accepted it
 */
public record Submission(
        long id,
        long sweepId,
        String jobId,
        String arraySpec,
        int indexOffset,
        String scriptPath,
        Instant submittedAt) {

    /** {@return the Slurm task id that runs the run at {@code runIndex} in this array} */
    public int taskId(int runIndex) {
        return runIndex - indexOffset;
    }
}
