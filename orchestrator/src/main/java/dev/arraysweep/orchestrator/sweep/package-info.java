/**
 * Storing an expanded sweep (its {@link dev.arraysweep.orchestrator.grid.SweepSpec} and
 * {@link dev.arraysweep.orchestrator.grid.ExpandedRun}s) in the results database, so that re-expanding keeps
 * existing runs at their array indices.
 *
 * <p>Depends on {@link dev.arraysweep.orchestrator.grid} and module db only; never imports the {@code cli} package.
 */
package dev.arraysweep.orchestrator.sweep;
