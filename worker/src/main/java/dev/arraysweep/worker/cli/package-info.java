/**
 * The {@code worker} command ({@code run}, {@code models}, {@code doctor}, {@code bench}, {@code help},
 * {@code version}): {@link dev.arraysweep.worker.cli.WorkerMain} dispatches and is the only place that exits,
 * after keeping DJL off the network and its CUDA probe quiet on a machine without a GPU; each command's
 * {@link dev.arraysweep.worker.cli.CommandHelp} is its help and its flag parser.
 *
 * <p>The top of the worker: it may import every other worker package and module db, and no other package
 * imports it; it never imports the orchestrator.
 */
package dev.arraysweep.worker.cli;
