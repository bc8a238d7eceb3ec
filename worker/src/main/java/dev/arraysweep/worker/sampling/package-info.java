/**
 * Which samples each training step uses: one {@link dev.arraysweep.worker.sampling.SamplingStrategy} per
 * filter, selector and sampler, composed as decorators in data-flow order:
 * sampler ({@code ImportanceSampler} or {@code WeightedSampler}: the epoch's order) &gt; {@code EmptyFallback}
 * (&gt; {@code TopUp}: fills short steps) &gt; {@code EpochFilter} (keeps the accepted part of the order) &gt;
 * {@code LossSelector} (picks from each pool) &gt; {@code Archetype} mini-batches or {@code BatchFilter} (forms
 * each pool).
 *
 * <p>Strategies choose indices; the data stays in the {@link dev.arraysweep.worker.sampling.SampleSource}.
 * Judging (filters, selectors) is a no-gradient forward with the source's selection forward: evaluation mode
 * by default, so BatchNorm uses and keeps its running statistics, or training mode with
 * {@code filter_mode: train}.
 *
 * <p>Figures per epoch: {@code rawForwarded} adds up every stage's judging forwards; {@code accepted} counts
 * the samples that passed every stage (for a selector: the selected ones); {@code trained}, {@code steps}
 * and raw batches per step are those of the steps actually taken; acceptance ratio = accepted / forwarded.
 *
 * <p>Random choices come from {@link java.util.Random} generators seeded from the run's seed, one per stage,
 * saved with the strategy's state, so a run restored mid-epoch makes the same next selections.
 */
package dev.arraysweep.worker.sampling;
