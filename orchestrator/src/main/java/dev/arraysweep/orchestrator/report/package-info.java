/**
 * Results for people: the thesis' tables across seeds ({@link dev.arraysweep.orchestrator.report.Report}),
 * its figures ({@link dev.arraysweep.orchestrator.report.Plots}), CSV exports and H2's web console.
 *
 * <p>A sweep's runs are read once ({@link dev.arraysweep.orchestrator.report.SweepResults}) and split into
 * groups ({@link dev.arraysweep.orchestrator.report.Grouping}): a group is one configuration, i.e. every
 * parameter but the sampling ones ({@link dev.arraysweep.db.params.TwinKey#SAMPLING_PARAMETERS}) and the
 * seed; its settings are the sampling variants, the archetype first. Epochs are numbered from 0, as stored.
 * Figures are built as XChart charts first and rendered only when written, so that tests can inspect them.
 */
package dev.arraysweep.orchestrator.report;
