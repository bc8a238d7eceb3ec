package dev.arraysweep.worker.train;

import dev.arraysweep.worker.data.Dataset;
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
import dev.arraysweep.worker.sampling.SoftAccuracyTopK;
import dev.arraysweep.worker.sampling.TopUp;
import dev.arraysweep.worker.sampling.VaryingBatchFilter;
import dev.arraysweep.worker.sampling.WeightedSampler;
import dev.arraysweep.worker.spec.BatchFilterSpec;
import dev.arraysweep.worker.spec.FilterSpec;
import dev.arraysweep.worker.spec.OptimiserSpec;
import dev.arraysweep.worker.spec.RunSpec;
import dev.arraysweep.worker.spec.SamplerSpec;
import dev.arraysweep.worker.spec.ScheduleSpec;
import dev.arraysweep.worker.spec.SelectorSpec;
import java.nio.file.Path;
import java.util.Random;

/** Builds the optimiser, learning-rate schedule and sampling strategy a run's parameters name. */
final class Factories {
    /** Samples per no-gradient forward when the epoch filter judges the whole order (as evaluation). */
    static final int SELECTION_CHUNK = 2048;

    private static final long SELECTOR_SEED = 1;
    private static final long IMPORTANCE_SEED = 2;
    private static final long WEIGHTED_SEED = 3;
    private static final long TOP_UP_SEED = 4;

    private Factories() {}

    static Optimizer optimizer(RunSpec s) {
        OptimiserSpec o = s.optimiser();
        return switch (o.kind()) {
            case SGD -> new Sgd(o.momentum(), o.nesterov(), o.weightDecay());
            case ADAM -> Adam.withDefaults(o.weightDecay(), o.amsgrad());
        };
    }

    static LrSchedule schedule(RunSpec s) {
        ScheduleSpec l = s.schedule();
        return switch (l.kind()) {
            case NONE -> LrSchedule.none(l.learningRate());
            case EXPONENTIAL -> LrSchedule.exponential(l.learningRate(), l.gamma());
            case MULTISTEP -> LrSchedule.multistep(l.learningRate(), l.milestones(), l.gamma());
        };
    }

    /**
     * {@return the sampling strategy of a run: the stages its parameters switch on, composed in the order
     * sampler, empty fallback, epoch filter, loss selector (or Alg. 6's soft accuracy + top-k), then mini-batches
     * or the batch filter (accumulating, Alg. 10, or varying, Alg. 9)}
     * A sampler decides the epoch's order, the epoch filter keeps the accepted part of it, mini-batches or
     * the batch filter form each step's pool from that, and the selector picks from each pool.
     */
    static SamplingStrategy strategy(RunSpec s) {
        return strategy(s, rule(s), null);
    }

    /**
     * {@return the strategy of {@link #strategy(RunSpec)} for a run on {@code data}: a {@code weights_file} is
     * read by the positions of its training samples in the dataset (they may be a subset)}
     */
    static SamplingStrategy strategy(RunSpec s, Dataset data) {
        return strategy(s, rule(s), data.trainPositions());
    }

    /** {@return the strategy of {@link #strategy(RunSpec)} with the filters deciding by {@code rule}} */
    static SamplingStrategy strategy(RunSpec s, AcceptanceRule rule) {
        return strategy(s, rule, null);
    }

    private static AcceptanceRule rule(RunSpec s) {
        return s.filter().map(Factories::rule).orElse(AcceptanceRule.misclassified());
    }

    /**
     * @param positions the dataset positions of the run's training samples, or null for the whole training split
     *     in order (as in {@link Dataset#trainPositions()})
     */
    private static SamplingStrategy strategy(RunSpec s, AcceptanceRule rule, int[] positions) {
        SelectorSpec selector = s.selector();
        boolean thesisSoftTopK = selector.softTopK() == SelectorSpec.SoftTopK.THESIS;
        // a loss selector after the batch filter reuses the filter's losses, unless filter_mode: train makes a
        // judgement depend on the batch it was made in (BatchNorm batch statistics); Alg. 6 judges its pool itself
        boolean keepLosses = selector.kind() != SelectorSpec.Kind.NONE && !thesisSoftTopK && !s.judgesInTrainMode();
        SamplingStrategy strategy = s.batchFilter().isPresent()
                ? batchFilter(s.batchSize(), s.batchFilter().get(), rule, keepLosses)
                : new Archetype(s.batchSize());
        if (thesisSoftTopK) {
            strategy = new SoftAccuracyTopK(strategy, selector.k(), rule);
        } else if (selector.kind() != SelectorSpec.Kind.NONE) {
            strategy = new LossSelector(
                    strategy,
                    selector.powers(s.limits().epochs()),
                    power -> selector(selector, power),
                    rng(s, SELECTOR_SEED));
        }
        if (s.epochFilter().isPresent()) {
            strategy = new EpochFilter(strategy, rule, s.epochFilter().get().reuseAugmentations(), SELECTION_CHUNK);
        }
        FilterSpec.Fallback fallback = s.filter().map(FilterSpec::whenEmpty).orElse(FilterSpec.Fallback.NONE);
        if (fallback == FilterSpec.Fallback.TOP_UP) {
            int size = selector.k() > 0 ? selector.k() : s.batchSize(); // top-q has no size: CrossRules refuse it
            strategy = new EmptyFallback(new TopUp(strategy, size, rng(s, TOP_UP_SEED)), size);
        } else if (fallback == FilterSpec.Fallback.RANDOM) {
            strategy = new EmptyFallback(strategy, s.batchSize());
        }
        SamplerSpec p = s.sampler();
        return switch (p.kind()) {
            case NONE -> strategy;
            case IMPORTANCE -> new ImportanceSampler(
                    strategy,
                    p.score() == SamplerSpec.Score.RUNNING_LOSS ? p.beta() : 0.0,
                    p.warmupEpochs(),
                    p.samplesPerEpoch(),
                    p.replacement(),
                    p.weights(),
                    rng(s, IMPORTANCE_SEED));
            case WEIGHTED -> new WeightedSampler(
                    strategy, weights(s, positions), p.samplesPerEpoch(), p.replacement(), rng(s, WEIGHTED_SEED));
        };
    }

    private static AcceptanceRule rule(FilterSpec f) {
        return switch (f.kind()) {
            case HARD -> AcceptanceRule.misclassified();
            case SOFT -> AcceptanceRule.softAccuracy(f.margin());
        };
    }

    private static SamplingStrategy batchFilter(
            int batchSize, BatchFilterSpec b, AcceptanceRule rule, boolean keepLosses) {
        int raw = b.rawBatchSize();
        if (b.mode() == BatchFilterSpec.Mode.VARY) {
            return new VaryingBatchFilter(raw, rule, keepLosses);
        }
        RawBatchSizer sizer =
                switch (b.rawBatch()) {
                    case FIXED -> RawBatchSizer.fixed(raw);
                    case ADAPTIVE -> RawBatchSizer.adaptive(raw, 4 * Math.max(raw, batchSize));
                };
        return new BatchFilter(batchSize, sizer, rule, b.overflow(), keepLosses);
    }

    /** {@return the selector {@code p} names, with {@code power} (its power in the current epoch)} */
    private static Selector selector(SelectorSpec p, double power) {
        return switch (p.kind()) {
            case TOP_K -> new Selector.TopK(p.k());
            case TOP_Q -> new Selector.TopQ(p.q());
            case LOSS_WEIGHTED -> p.weighting() == SelectorSpec.Weighting.RANK
                    ? new Selector.RankWeighted(p.k(), power)
                    : new Selector.LossWeighted(p.k(), power);
            case Q_SPLIT -> new Selector.QSplit(p.k(), (int) p.q(), power);
            case NONE -> throw new IllegalArgumentException("selector none selects nothing");
        };
    }

    private static SampleWeights weights(RunSpec s, int[] positions) {
        SamplerSpec p = s.sampler();
        if (p.weightsFile() != null) {
            return SampleWeights.fromFile(Path.of(p.weightsFile()), positions);
        }
        return SampleWeights.perClass(p.classWeights());
    }

    /** {@return a generator of its own for one sampling stage, seeded from the run's seed} */
    private static Random rng(RunSpec s, long stage) {
        return new Random(s.seed() * 0x9E3779B97F4A7C15L + stage);
    }
}
