package dev.arraysweep.orchestrator.slurm;

import java.nio.file.Path;

/**
 * One job array that Slurm accepted.
 *
 * @param jobId the array job id that {@code sbatch} printed
 * @param array the runs it covers and their offset
 * @param script the rendered batch script that was submitted
 */
public record SubmittedArray(String jobId, ArrayChunk array, Path script) {}
