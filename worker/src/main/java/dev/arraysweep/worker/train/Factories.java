package dev.arraysweep.worker.train;

import dev.arraysweep.worker.optim.Adam;
import dev.arraysweep.worker.optim.LrSchedule;
import dev.arraysweep.worker.optim.Optimizer;
import dev.arraysweep.worker.optim.Sgd;
import dev.arraysweep.worker.sampling.AcceptanceRule;
import dev.arraysweep.worker.sampling.Archetype;
import dev.arraysweep.worker.sampling.BatchFilter;
import dev.arraysweep.worker.sampling.RawBatchSizer;
import dev.arraysweep.worker.sampling.SamplingStrategy;

/** Builds the optimiser, learning-rate schedule and sampling strategy a run's parameters name. */
final class Factories {
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

    static SamplingStrategy strategy(RunSpec s) {
        if (!s.batchFiltering()) {
            return new Archetype(s.batchSize());
        }
        AcceptanceRule rule = "soft".equals(s.filterKind()) ? AcceptanceRule.softAccuracy(s.margin())
                : AcceptanceRule.misclassified();
        RawBatchSizer sizer = "adaptive".equals(s.rawBatch())
                ? RawBatchSizer.adaptive(s.accumulationBatchSize(), 4 * Math.max(s.accumulationBatchSize(), s.batchSize()))
                : RawBatchSizer.fixed(s.accumulationBatchSize());
        BatchFilter.Overflow overflow = "carry".equals(s.overflow()) ? BatchFilter.Overflow.CARRY
                : BatchFilter.Overflow.DISCARD;
        return new BatchFilter(s.batchSize(), sizer, rule, overflow);
    }
}
