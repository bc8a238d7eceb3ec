package dev.arraysweep.db.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwinKeyTest {
    private static ParamValues run(Map<String, Object> overrides) throws ParamException {
        Map<String, Object> p = new HashMap<>(Map.of("dataset", "mnist", "model", "lenet", "epochs", 3,
                "batch_filtering", false, "seed", 1));
        p.putAll(overrides);
        return Params.normalize(p);
    }

    @Test
    void runsDifferingOnlyInSampling_shareTheKey() throws ParamException {
        String archetype = TwinKey.of(run(Map.of()));

        assertThat(TwinKey.of(run(Map.of("batch_filtering", true, "overflow", "carry", "accumulation_batch_size", 4096))))
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
    void ofJson_readsStoredParameters_andIsEmptyForOtherJson() throws ParamException {
        ParamValues v = run(Map.of("batch_filtering", true));

        assertThat(TwinKey.ofJson(v.toJson())).contains(TwinKey.of(v));
        assertThat(TwinKey.ofJson("{\"h\":\"a\"}")).isEmpty();
        assertThat(TwinKey.ofJson("not json")).isEmpty();
    }

    @Test
    void isArchetype_onlyWithoutFilterSelectorOrSampler() throws ParamException {
        assertThat(TwinKey.isArchetype(run(Map.of()).asMap())).isTrue();
        assertThat(TwinKey.isArchetype(run(Map.of("batch_filtering", true)).asMap())).isFalse();
        assertThat(TwinKey.isArchetype(run(Map.of("selector", "top-q")).asMap())).isFalse();
        assertThat(TwinKey.isArchetype(run(Map.of("sampler", "weighted", "weights_file", "w.txt")).asMap()))
                .isFalse();
    }
}
