package dev.arraysweep.worker.train;

import dev.arraysweep.db.params.ParamValues;
import java.util.List;

/**
 * The typed parameters the training engine reads, taken from a run's canonical parameters.
 *
 * @param accumulationBatchSize raw batch size of the batchwise filter (already defaulted to batchSize)
 * @param evalTrainEvery evaluate the train split every this many epochs (and always on the last)
 * @param sampling the epoch-filter, fallback, selector and sampler parameters
 */
public record RunSpec(String dataset, String model, int epochs, int batchSize, String optimizer,
                      double learningRate, double momentum, boolean nesterov, boolean amsgrad, double weightDecay,
                      String lrScheduler, double gamma, List<Integer> milestones, boolean augmentation,
                      boolean epochFiltering, boolean batchFiltering, int accumulationBatchSize, String filterKind,
                      double margin, String filterMode, String overflow, String rawBatch, long seed,
                      int evalTrainEvery, Integer trainLimit, Integer testLimit, String device,
                      SamplingSpec sampling) {
    public RunSpec {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** {@return the spec of a run's canonical parameters; parameters that do not apply get neutral values} */
    public static RunSpec from(ParamValues p) {
        int batch = p.intValue("batch_size");
        Integer acc = p.has("accumulation_batch_size") ? p.nullableInt("accumulation_batch_size") : null;
        return new RunSpec(p.string("dataset"), p.string("model"), p.intValue("epochs"), batch,
                p.string("optimizer"), p.doubleValue("learning_rate"),
                p.has("momentum") ? p.doubleValue("momentum") : 0.0,
                p.has("nesterov") && p.bool("nesterov"), p.has("amsgrad") && p.bool("amsgrad"),
                p.doubleValue("weight_decay"), p.string("lr_scheduler"),
                p.has("gamma") ? p.doubleValue("gamma") : 1.0,
                p.has("milestones") ? p.intList("milestones") : List.of(),
                p.has("augmentation") && p.bool("augmentation"),
                p.bool("epoch_filtering"), p.bool("batch_filtering"), acc == null ? batch : acc,
                p.has("filter_kind") ? p.string("filter_kind") : "hard",
                p.has("margin") ? p.doubleValue("margin") : 0.0,
                p.has("filter_mode") ? p.string("filter_mode") : "eval",
                p.has("overflow") ? p.string("overflow") : "discard",
                p.has("raw_batch") ? p.string("raw_batch") : "fixed",
                p.intValue("seed"), p.has("eval_train_every") ? p.intValue("eval_train_every") : 1,
                p.has("train_limit") ? p.nullableInt("train_limit") : null,
                p.has("test_limit") ? p.nullableInt("test_limit") : null,
                p.has("device") ? p.string("device") : "auto", SamplingSpec.from(p));
    }
}
