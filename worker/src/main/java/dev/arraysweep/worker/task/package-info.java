/**
 * One array task from start to end: claim the run (its task file and lock in the work directory), train it,
 * and record every epoch and the outcome in the run's journal first and, when writing live, in the database;
 * stop cleanly on Slurm's signals so the run can be requeued.
 *
 * <p>The only worker package that touches journals, task files, locks and the database (module db); training
 * itself is {@link dev.arraysweep.worker.train}'s. Never imports the worker's {@code cli} package, and nothing
 * in module worker is ever imported by the orchestrator.
 */
package dev.arraysweep.worker.task;
