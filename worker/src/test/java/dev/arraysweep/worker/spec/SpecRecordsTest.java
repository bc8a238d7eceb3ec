package dev.arraysweep.worker.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.worker.sampling.BatchFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec records take the registry's defaults and reject values the registry does not allow. */
class SpecRecordsTest {
    @Test
    void defaults_comeFromTheNormalisedParameters() throws ParamException {
        RunSpec spec = RunSpec.from(Params.normalize(Map.of("batch_size", 256, "selector", "top-k")));

        assertThat(spec.batchFilter())
                .contains(new BatchFilterSpec(256, BatchFilter.Overflow.DISCARD, BatchFilterSpec.RawBatch.FIXED));
        assertThat(spec.selector()).isEqualTo(new SelectorSpec(SelectorSpec.Kind.TOP_K, 256, 0, 0));
        assertThat(spec.filter())
                .contains(new FilterSpec(FilterSpec.Kind.HARD, 0, FilterSpec.Mode.EVAL, FilterSpec.Fallback.NONE));
        assertThat(spec.epochFilter()).isEmpty();
        assertThat(spec.optimiser()).isEqualTo(new OptimiserSpec(OptimiserSpec.Kind.SGD, 0.9, false, false, 0.0005));
        assertThat(spec.schedule()).isEqualTo(new ScheduleSpec(ScheduleSpec.Kind.NONE, 0.1, 1, List.of()));
        assertThat(spec.data())
                .isEqualTo(new DataSpec(DataSpec.Name.CIFAR10, DataSpec.Augmentation.THESIS, null, SubsetSpec.ALL));
        assertThat(spec.device()).isEqualTo(RunSpec.DeviceName.AUTO);
    }

    @Test
    void subsetsAndWeightedReplacement_reachTheSpec() throws ParamException {
        RunSpec perClass = RunSpec.from(Params.normalize(Map.of("seed", 3, "classes", 4, "per_class", 50)));
        assertThat(perClass.data().subset()).isEqualTo(new SubsetSpec(4, 50, null, 3));
        assertThat(perClass.data().subset().isPart()).isTrue();
        assertThat(RunSpec.from(Params.normalize(Map.of("train_subset", 500, "subset_seed", 9)))
                        .data()
                        .subset())
                .isEqualTo(new SubsetSpec(null, null, 500, 9));
        assertThat(RunSpec.from(Params.normalize(Map.of())).data().subset().isPart())
                .isFalse();
        assertThatThrownBy(() -> new SubsetSpec(null, 0, null, 0)).hasMessageContaining("per_class");

        List<Integer> w = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(RunSpec.from(Params.normalize(Map.of("sampler", "weighted", "class_weights", w)))
                        .sampler()
                        .replacement())
                .as("a weighted run without the key draws as before")
                .isFalse();
        assertThat(RunSpec.from(Params.normalize(
                                Map.of("sampler", "weighted", "class_weights", w, "replacement", true)))
                        .sampler()
                        .replacement())
                .isTrue();
    }

    @Test
    void computedDefaults_followTheirChoice() throws ParamException {
        assertThat(RunSpec.from(Params.normalize(Map.of("lr_scheduler", "exponential")))
                        .schedule()
                        .gamma())
                .isEqualTo(0.995);
        assertThat(RunSpec.from(Params.normalize(Map.of("selector", "q-split")))
                        .selector()
                        .q())
                .isEqualTo(2);
    }

    @Test
    void records_rejectValuesTheRegistryForbids_namingTheParameter() throws ParamException {
        assertThatThrownBy(() -> new SelectorSpec(SelectorSpec.Kind.TOP_K, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k");
        assertThatThrownBy(() -> new ScheduleSpec(ScheduleSpec.Kind.NONE, -0.1, 1, List.of()))
                .hasMessageContaining("learning_rate");
        assertThatThrownBy(
                        () -> new FilterSpec(FilterSpec.Kind.SOFT, 1.5, FilterSpec.Mode.EVAL, FilterSpec.Fallback.NONE))
                .hasMessageContaining("margin");
        assertThatThrownBy(() -> new OptimiserSpec(OptimiserSpec.Kind.ADAM, 0.9, false, false, 0))
                .hasMessageContaining("Adam has no momentum");
        assertThatThrownBy(() -> new SamplerSpec(SamplerSpec.Kind.WEIGHTED, null, 0, 0, null, false, null, null, null))
                .hasMessageContaining("exactly one of weights_file and class_weights");
        assertThatThrownBy(() -> new BatchFilterSpec(0, BatchFilter.Overflow.CARRY, BatchFilterSpec.RawBatch.FIXED))
                .hasMessageContaining("accumulation_batch_size");
        RunSpec ok = RunSpec.from(Params.normalize(Map.of()));
        assertThatThrownBy(() -> new RunSpec(
                        "fcnet0",
                        ok.batchSize(),
                        ok.seed(),
                        ok.device(),
                        ok.evalTrainEvery(),
                        ok.limits(),
                        ok.data(),
                        ok.optimiser(),
                        ok.schedule(),
                        ok.filter(),
                        java.util.Optional.empty(),
                        ok.epochFilter(),
                        ok.selector(),
                        ok.sampler(),
                        ok.keepBest()))
                .hasMessageContaining("model");
        assertThatThrownBy(() -> new RunSpec(
                        ok.model(),
                        ok.batchSize(),
                        ok.seed(),
                        ok.device(),
                        ok.evalTrainEvery(),
                        ok.limits(),
                        ok.data(),
                        ok.optimiser(),
                        ok.schedule(),
                        ok.filter(),
                        java.util.Optional.empty(),
                        ok.epochFilter(),
                        ok.selector(),
                        ok.sampler(),
                        ok.keepBest()))
                .hasMessageContaining("exactly when a filter is on");
    }
}
