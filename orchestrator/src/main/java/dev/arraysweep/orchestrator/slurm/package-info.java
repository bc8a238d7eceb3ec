/**
 * Submitting a sweep's runs as Slurm job arrays: planning the arrays, rendering the batch script,
 * and talking to {@code sbatch}, {@code squeue}, {@code sacct} and {@code scancel}.
 *
 * <p>Rules for the whole package:
 * <ul>
 *   <li>Run index = {@code SLURM_ARRAY_TASK_ID + ARRAYSWEEP_INDEX_OFFSET}; an {@link ArrayChunk}
 *       owns the offset of one array and {@link ArrayPlanner} chooses it.
 *   <li>Rendering is pure ({@link SbatchScript}); every file name under the work directory comes
 *       from {@link dev.arraysweep.db.Workspace}.
 *   <li>Everything that runs a Slurm command goes through the {@link Slurm} interface, so that
 *       callers can be tested without a cluster.
 *   <li>Errors are {@link dev.arraysweep.db.ExitException}s whose message names the bad value and
 *       says how to fix it.
 * </ul>
 */
package dev.arraysweep.orchestrator.slurm;
