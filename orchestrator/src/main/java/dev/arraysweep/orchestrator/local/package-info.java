/**
 * Running a sweep's array tasks on this machine without Slurm ({@code arraysweep run-local}): one worker
 * process per task, started as Slurm would start it, at most a given number at once.
 *
 * <p>Workers are separate processes found through their launcher, never worker classes on this class path:
 * depends on module db only, never on module worker or the {@code cli} package.
 */
package dev.arraysweep.orchestrator.local;
