/**
 * The thesis' tables across seeds: per group and setting the train, test and ratio figures at a chosen epoch
 * ({@link dev.arraysweep.orchestrator.report.At}), their mean and standard deviation, and the paired difference
 * of each filtered setting against its archetype twins, rendered as Markdown, CSV or JSON.
 *
 * <p>Builds on {@link dev.arraysweep.orchestrator.results} and the shared table output; never imports
 * {@code plot}, {@code export} or {@code cli}.
 */
package dev.arraysweep.orchestrator.report;
