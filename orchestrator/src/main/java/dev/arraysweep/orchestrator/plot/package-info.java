/**
 * The thesis' figures per group of runs: the panel figure (accuracy and losses per epoch and against time) and
 * the sampler figure, each a mean line over seeds with a band ({@link dev.arraysweep.orchestrator.plot.Band}).
 *
 * <p>Figures are built as XChart charts first and rendered only when written, so that tests can inspect them;
 * {@link dev.arraysweep.orchestrator.plot.Plots} is the entry point, the figure classes are package-private.
 * Builds on {@link dev.arraysweep.orchestrator.results}; never imports {@code report}, {@code export} or
 * {@code cli}.
 */
package dev.arraysweep.orchestrator.plot;
