/**
 * Per-sample losses, predictions and margins, numpy-style quantiles, and the no-grad evaluation
 * of a split that yields accuracy and a loss summary.
 *
 * <p>Everything that works on {@code NDArray}s stays on the device holding the batch; an
 * {@link dev.arraysweep.worker.eval.Evaluator} reads its results to the host once per call.
 */
package dev.arraysweep.worker.eval;
