/**
 * A sweep's results as reports and figures read them: its runs with their metric rows, read once
 * ({@link dev.arraysweep.orchestrator.results.SweepResults}, long SQL in {@code .sql} resources beside it), and
 * split into groups ({@link dev.arraysweep.orchestrator.results.Grouping}).
 *
 * <p>A group is one configuration, i.e. every parameter but the sampling ones
 * ({@link dev.arraysweep.db.params.TwinKey#SAMPLING_PARAMETERS}) and the seed; its settings are the sampling
 * variants, the archetype first. Epochs are numbered from 0, as stored.
 *
 * <p>Depends on module db only; {@code report} and {@code plot} build on it, never the other way round, and it
 * never imports the {@code cli} package.
 */
package dev.arraysweep.orchestrator.results;
