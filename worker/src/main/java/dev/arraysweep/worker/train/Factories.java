package dev.arraysweep.worker.train;

import dev.arraysweep.worker.optim.Adam;
import dev.arraysweep.worker.optim.LrSchedule;
import dev.arraysweep.worker.optim.Optimizer;
import dev.arraysweep.worker.optim.Sgd;
import dev.arraysweep.worker.sampling.AcceptanceRule;
import dev.arraysweep.worker.sampling.Archetype;
import dev.arraysweep.worker.sampling.BatchFilter;
import dev.arraysweep.worker.sampling.EmptyFallback;
import dev.arraysweep.worker.sampling.EpochFilter;
import dev.arraysweep.worker.sampling.ImportanceSampler;
import dev.arraysweep.worker.sampling.LossSelector;
import dev.arraysweep.worker.sampling.RawBatchSizer;
import dev.arraysweep.worker.sampling.SampleWeights;
import dev.arraysweep.worker.sampling.SamplingStrategy;
import dev.arraysweep.worker.sampling.Selector;
import dev.arraysweep.worker.sampling.WeightedSampler;
import java.nio.file.Path;
import java.util.Random;

/** Builds the optimiser, learning-rate schedule and sampling strategy a run's parameters name. */
final class Factories {
    /** Samples per no-gradient forward when the epoch filter judges the whole order (as evaluation). */
    static final int SELECTION_CHUNK = 2048;
    private static final long SELECTOR_SEED = 1;
    private static final long IMPORTANCE_SEED = 2;
    private static final long WEIGHTED_SEED = 3;

    private Factories() {
    }

    static Optimizer optimizer(RunSpec s) {
        return switch (s.optimizer()) {
            case "sgd" -> new Sgd(s.momentum(), s.nesterov(), s.weightDecay());
            case "adam" -> Adam.withDefaults(s.weightDecay(), s.amsgrad());
            default -> throw new IllegalArgumentException("unknown optimizer " + s.optimizer());
        };
    }

    static LrSchedule schedule(RunSpec s) {
        return switch (s.lrScheduler()) {
            case "none" -> LrSchedule.none(s.learningRate());
            case "exponential" -> LrSchedule.exponential(s.learningRate(), s.gamma());
            case "multistep" -> LrSchedule.multistep(s.learningRate(), s.milestones(), s.gamma());
            default -> throw new IllegalArgumentException("unknown lr_scheduler " + s.lrScheduler());
        };
    }

    /**
     * {@return the sampling strategy of a run: the stages its parameters switch on, composed in the order
     * sampler, empty fallback, epoch filter, loss selector, then mini-batches or the batch filter}
     * A sampler decides the epoch's order, the epoch filter keeps the accepted part of it, mini-batches or
     * the batch filter form each step's pool from that, and the selector picks from each pool.
     */
    static SamplingStrategy strategy(RunSpec s) {
        return strategy(s, "soft".equals(s.filterKind()) ? AcceptanceRule.softAccuracy(s.margin())
                : AcceptanceRule.misclassified());
    }

    /** {@return the strategy of {@link #strategy(RunSpec)} with the filters deciding by {@code rule}} */
    static SamplingStrategy strategy(RunSpec s, AcceptanceRule rule) {
        SamplingSpec p = s.sampling();
        // a selector after the batch filter reuses the filter's losses, unless filter_mode: train makes a
        // judgement depend on the batch it was made in (BatchNorm batch statistics)
        boolean keepLosses = !"none".equals(p.selector()) && !"train".equals(s.filterMode());
        SamplingStrategy strategy = s.batchFiltering() ? batchFilter(s, rule, keepLosses)
                : new Archetype(s.batchSize());
        if (!"none".equals(p.selector())) {
            strategy = new LossSelector(strategy, selector(p), rng(s, SELECTOR_SEED));
        }
        if (s.epochFiltering()) {
            strategy = new EpochFilter(strategy, rule, "reuse".equals(p.epochFilterAugmentation()), SELECTION_CHUNK);
        }
        if ((s.epochFiltering() || s.batchFiltering()) && "random".equals(p.emptyFallback())) {
            strategy = new EmptyFallback(strategy, s.batchSize());
        }
        return switch (p.sampler()) {
            case "none" -> strategy;
            case "importance" -> new ImportanceSampler(strategy, "running-loss".equals(p.score()) ? p.beta() : 0.0,
                    p.warmupEpochs(), p.samplesPerEpoch(), p.replacement(), rng(s, IMPORTANCE_SEED));
            case "weighted" -> new WeightedSampler(strategy, weights(s), p.samplesPerEpoch(), rng(s, WEIGHTED_SEED));
            default -> throw new IllegalArgumentException("unknown sampler " + p.sampler());
        };
    }

    private static BatchFilter batchFilter(RunSpec s, AcceptanceRule rule, boolean keepLosses) {
        RawBatchSizer sizer = "adaptive".equals(s.rawBatch())
                ? RawBatchSizer.adaptive(s.accumulationBatchSize(), 4 * Math.max(s.accumulationBatchSize(), s.batchSize()))
                : RawBatchSizer.fixed(s.accumulationBatchSize());
        BatchFilter.Overflow overflow = "carry".equals(s.overflow()) ? BatchFilter.Overflow.CARRY
                : BatchFilter.Overflow.DISCARD;
        return new BatchFilter(s.batchSize(), sizer, rule, overflow, keepLosses);
    }

    private static Selector selector(SamplingSpec p) {
        return switch (p.selector()) {
            case "top-k" -> new Selector.TopK(p.k());
            case "top-q" -> new Selector.TopQ(p.q());
            case "loss-weighted" -> new Selector.LossWeighted(p.k(), p.power());
            case "q-split" -> new Selector.QSplit(p.k(), (int) p.q(), p.power());
            default -> throw new IllegalArgumentException("unknown selector " + p.selector());
        };
    }

    private static SampleWeights weights(RunSpec s) {
        SamplingSpec p = s.sampling();
        if (p.weightsFile() != null) {
            return SampleWeights.fromFile(Path.of(p.weightsFile()), s.trainLimit() != null);
        }
        return SampleWeights.perClass(p.classWeights());
    }

    /** {@return a generator of its own for one sampling stage, seeded from the run's seed} */
    private static Random rng(RunSpec s, long stage) {
        return new Random(s.seed() * 0x9E3779B97F4A7C15L + stage);
    }
}
