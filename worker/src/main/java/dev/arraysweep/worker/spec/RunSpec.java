package dev.arraysweep.worker.spec;

import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.worker.spec.EarlyStoppingSpec.Metric;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed parameters the training engine reads, taken from a run's canonical parameters: one record per
 * concern, choices as enums, every value checked against the parameter registry.
 *
 * @param model the model name, as {@code Models.build} takes it
 * @param batchSize samples per training step
 * @param seed the seed of every PRNG of the run
 * @param device where to train
 * @param evalTrainEvery evaluate the train split every this many epochs (and always on the last); 0 = never
 * @param filter what the filters share; empty when neither filter is on
 * @param batchFilter the batchwise filter; empty when it is off
 * @param epochFilter the epochwise filter; empty when it is off
 * @param keepBest the test metric by which the model of the best epoch is kept besides the final one; empty = none
 */
public record RunSpec(
        String model,
        int batchSize,
        long seed,
        DeviceName device,
        int evalTrainEvery,
        RunLimits limits,
        DataSpec data,
        OptimiserSpec optimiser,
        ScheduleSpec schedule,
        Optional<FilterSpec> filter,
        Optional<BatchFilterSpec> batchFilter,
        Optional<EpochFilterSpec> epochFilter,
        SelectorSpec selector,
        SamplerSpec sampler,
        Optional<Metric> keepBest) {
    /** The choices of the {@code device} parameter. */
    public enum DeviceName {
        AUTO,
        CPU,
        GPU
    }

    public RunSpec {
        Valid.check("model", model);
        Valid.check("batch_size", batchSize);
        Valid.check("seed", seed);
        Objects.requireNonNull(device, "device");
        Valid.check("eval_train_every", evalTrainEvery);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(optimiser, "optimiser");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(keepBest, "keepBest");
        Valid.require(
                filter.isPresent() == (batchFilter.isPresent() || epochFilter.isPresent()),
                "the shared filter settings are there exactly when a filter is on");
    }

    /** {@return the spec of a run's canonical parameters} */
    public static RunSpec from(ParamValues params) {
        return from(new SpecReader(params));
    }

    static RunSpec from(SpecReader p) {
        boolean epochFiltering = p.bool("epoch_filtering");
        boolean batchFiltering = p.bool("batch_filtering");
        return new RunSpec(
                p.string("model"),
                p.integer("batch_size"),
                p.integer("seed"),
                p.choice("device", DeviceName.class),
                p.integer("eval_train_every"),
                RunLimits.from(p),
                DataSpec.from(p),
                OptimiserSpec.from(p),
                ScheduleSpec.from(p),
                epochFiltering || batchFiltering ? Optional.of(FilterSpec.from(p)) : Optional.empty(),
                batchFiltering ? Optional.of(BatchFilterSpec.from(p)) : Optional.empty(),
                epochFiltering ? Optional.of(EpochFilterSpec.from(p)) : Optional.empty(),
                SelectorSpec.from(p),
                SamplerSpec.from(p),
                Optional.ofNullable(p.choiceOr("keep_best", Metric.class, null)));
    }

    /** {@return whether the filters judge with the model in training mode (batch norm on batch statistics)} */
    public boolean judgesInTrainMode() {
        return filter.map(f -> f.mode() == FilterSpec.Mode.TRAIN).orElse(false);
    }
}
