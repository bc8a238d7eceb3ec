package dev.arraysweep.db.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwinKeyTest {
    private static ParamValues run(Map<String, Object> overrides) throws ParamException {
        Map<String, Object> p = new HashMap<>(
                Map.of("dataset", "mnist", "model", "lenet", "epochs", 3, "batch_filtering", false, "seed", 1));
        p.putAll(overrides);
        return Params.normalize(p);
    }

    @Test
    void runsDifferingOnlyInSampling_shareTheKey() throws ParamException {
        String archetype = TwinKey.of(run(Map.of()));

        assertThat(TwinKey.of(
                        run(Map.of("batch_filtering", true, "overflow", "carry", "accumulation_batch_size", 4096))))
                .isEqualTo(archetype);
        assertThat(TwinKey.of(run(Map.of("epoch_filtering", true, "filter_kind", "soft", "margin", 0.2))))
                .isEqualTo(archetype);
        assertThat(TwinKey.of(run(Map.of("selector", "top-k", "k", 64)))).isEqualTo(archetype);
        assertThat(TwinKey.of(run(Map.of("sampler", "importance", "score", "running-loss", "beta", 0.5))))
                .isEqualTo(archetype);
        assertThat(archetype).hasSize(64).isNotEqualTo(run(Map.of()).hash());
    }

    @Test
    void seedAndConfiguration_changeTheKey() throws ParamException {
        String archetype = TwinKey.of(run(Map.of()));

        assertThat(TwinKey.of(run(Map.of("seed", 2)))).isNotEqualTo(archetype);
        assertThat(TwinKey.of(run(Map.of("batch_size", 128)))).isNotEqualTo(archetype);
        assertThat(TwinKey.of(run(Map.of("model", "fcnet100")))).isNotEqualTo(archetype);
    }

    @Test
    void subsets_belongToTheConfiguration_soTwinsShareThem() throws ParamException {
        Map<String, Object> subset = Map.of("classes", 5, "per_class", 100);
        String archetype = TwinKey.of(run(subset));
        Map<String, Object> filtered = new HashMap<>(subset);
        filtered.putAll(Map.of("batch_filtering", true, "selector", "top-k", "k", 8));
        Map<String, Object> weighted = new HashMap<>(subset);
        weighted.putAll(
                Map.of("sampler", "weighted", "class_weights", Collections.nCopies(10, 1), "replacement", true));

        assertThat(TwinKey.of(run(filtered))).isEqualTo(archetype);
        assertThat(TwinKey.of(run(weighted))).isEqualTo(archetype);
        assertThat(TwinKey.of(run(Map.of("classes", 5, "per_class", 200)))).isNotEqualTo(archetype);
        assertThat(TwinKey.of(run(Map.of("classes", 5, "per_class", 100, "subset_seed", 2))))
                .isNotEqualTo(archetype);
        assertThat(TwinKey.of(run(Map.of()))).isNotEqualTo(archetype);
    }

    @Test
    void ofJson_readsStoredParameters_andIsEmptyForOtherJson() throws ParamException {
        ParamValues v = run(Map.of("batch_filtering", true));

        assertThat(TwinKey.ofJson(v.toJson())).contains(TwinKey.of(v));
        assertThat(TwinKey.ofJson("{\"h\":\"a\"}")).isEmpty();
        assertThat(TwinKey.ofJson("not json")).isEmpty();
    }

    @Test
    void isArchetype_onlyWithoutFilterSelectorOrSampler() throws ParamException {
        assertThat(TwinKey.isArchetype(run(Map.of()).asMap())).isTrue();
        assertThat(TwinKey.isArchetype(run(Map.of("batch_filtering", true)).asMap()))
                .isFalse();
        assertThat(TwinKey.isArchetype(run(Map.of("selector", "top-q")).asMap()))
                .isFalse();
        assertThat(TwinKey.isArchetype(run(Map.of("sampler", "weighted", "weights_file", "w.txt"))
                        .asMap()))
                .isFalse();
    }

    @Test
    void samplingParameters_areTheOnesTheHandWrittenListNamed() {
        // the list TwinKey kept by hand before the registry marked sampling parameters itself, plus the selector
        // options added since (loss_weighting, power_decay, final_power) and
        // importance_weights
        assertThat(TwinKey.SAMPLING_PARAMETERS)
                .containsExactlyInAnyOrder(
                        "epoch_filtering",
                        "batch_filtering",
                        "filter_kind",
                        "margin",
                        "filter_mode",
                        "accumulation_batch_size",
                        "overflow",
                        "raw_batch",
                        "epoch_filter_augmentation",
                        "empty_fallback",
                        "selector",
                        "k",
                        "q",
                        "power",
                        "loss_weighting",
                        "power_decay",
                        "final_power",
                        "sampler",
                        "score",
                        "beta",
                        "warmup_epochs",
                        "samples_per_epoch",
                        "replacement",
                        "importance_weights", // added with the parameter: it never applied to a stored run
                        "weights_file",
                        "class_weights",
                        // added since, marked as they were added
                        "batch_mode",
                        "soft_top_k");
    }

    @Test
    void twinKeysOfStoredRuns_stayTheSame() throws ParamException {
        // keys computed before the sampling parameters moved into the registry: stored twin_key columns hold them
        assertThat(TwinKey.of(run(Map.of())))
                .isEqualTo("0b475c42ae95355d653d244486896b32cf90eef038f9d69eec4320f7722be79f");
        assertThat(TwinKey.of(Params.normalize(Map.of())))
                .isEqualTo("7f3813d645ab9c394e3514883de5b66c27329890afe6ffe701a8295bb7ce2a0f");
        assertThat(TwinKey.of(Params.normalize(Map.of(
                        "model",
                        "fcnet100",
                        "optimizer",
                        "adam",
                        "lr_scheduler",
                        "multistep",
                        "selector",
                        "q-split",
                        "sampler",
                        "importance",
                        "seed",
                        7))))
                .isEqualTo("dca72b3d6c7640d378da8fe0ede4c5e08142bb9e9244ec8d0262b3713a00e0e0");
    }
}
