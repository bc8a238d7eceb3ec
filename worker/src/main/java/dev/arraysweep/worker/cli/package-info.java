/**
 * The {@code worker} command ({@code run}, {@code models}, {@code doctor}, {@code bench}):
 * {@link dev.arraysweep.worker.cli.WorkerMain} dispatches and is the only place that exits, after keeping DJL
 * off the network.
 *
 * <p>The top of the worker: it may import every other worker package and module db, and no other package
 * imports it; it never imports the orchestrator.
 */
package dev.arraysweep.worker.cli;
