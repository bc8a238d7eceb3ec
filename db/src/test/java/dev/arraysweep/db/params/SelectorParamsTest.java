package dev.arraysweep.db.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rank density, the decaying power and the top-up fallback: off by default, leaving earlier runs as they were. */
class SelectorParamsTest {
    private static ParamValues normalize(Object... keyValues) throws ParamException {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Params.normalize(raw);
    }

    @Test
    void runsFromBeforeTheNewOptions_keepTheirHashes() throws ParamException {
        // hashes of these runs computed with the registry of main at 710a2f5, before the options existed
        assertThat(normalize("selector", "loss-weighted", "k", 64).hash())
                .isEqualTo("31b1e876b9e0bfa0c888d75a777712da931c48a537ad8b22c97de3ee4750a7ee");
        assertThat(normalize("selector", "q-split", "k", 64, "power", 3.0).hash())
                .isEqualTo("e626ab7ea214da81410928a080fbd3fea44d5fc969e8fd5e80487af97e8c3c49");
        assertThat(normalize("epoch_filtering", true, "batch_filtering", false, "empty_fallback", "random")
                        .hash())
                .isEqualTo("22cf75a2fcfe35d1a3def6f97bc81e8b873ced39f68827ef111c2534ce3167d9");
    }

    @Test
    void theDefaults_areLeftOutOfTheRun_soSpellingThemOutChangesNothing() throws ParamException {
        ParamValues plain = normalize("selector", "loss-weighted");
        ParamValues spelled = normalize(
                "selector", "loss-weighted", "loss_weighting", "power", "power_decay", "none", "final_power", 0.5);
        assertThat(spelled.hash()).isEqualTo(plain.hash());
        assertThat(plain.has("loss_weighting")).isFalse();
        assertThat(plain.has("power_decay")).isFalse();
        assertThat(plain.has("final_power")).isFalse();
        assertThat(plain.doubleValue("power")).isEqualTo(2.0);
    }

    @Test
    void rankWeighting_isLinearInRankByDefault_andOnlyForLossWeighted() throws ParamException {
        ParamValues rank = normalize("selector", "loss-weighted", "loss_weighting", "rank");
        assertThat(rank.string("loss_weighting")).isEqualTo("rank");
        assertThat(rank.doubleValue("power")).isEqualTo(1.0);
        assertThat(normalize("selector", "loss-weighted", "loss_weighting", "rank", "power", 3)
                        .doubleValue("power"))
                .isEqualTo(3.0);
        assertThat(normalize("selector", "q-split", "loss_weighting", "rank").has("loss_weighting"))
                .isFalse();
        assertThatThrownBy(() -> normalize("selector", "loss-weighted", "loss_weighting", "sorted"))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("loss_weighting")
                .hasMessageContaining("rank");
    }

    @Test
    void powerDecay_bringsFinalPower_forLossWeightedAndQSplit() throws ParamException {
        ParamValues linear = normalize("selector", "q-split", "power_decay", "linear");
        assertThat(linear.string("power_decay")).isEqualTo("linear");
        assertThat(linear.doubleValue("final_power")).isEqualTo(1.0);
        assertThat(normalize("selector", "loss-weighted", "power_decay", "exponential", "final_power", 0.25)
                        .doubleValue("final_power"))
                .isEqualTo(0.25);
        assertThat(normalize("selector", "top-k", "power_decay", "linear").has("power_decay"))
                .isFalse();
        assertThatThrownBy(() -> normalize("selector", "loss-weighted", "power_decay", "linear", "final_power", 0))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("final_power");
    }

    @Test
    void topUp_isAFallbackOfTheFilters_andNeedsAStepSize() throws ParamException {
        assertThat(normalize("empty_fallback", "top-up").string("empty_fallback"))
                .isEqualTo("top-up");
        assertThat(normalize("batch_filtering", false, "selector", "top-k", "empty_fallback", "top-up")
                        .has("empty_fallback"))
                .as("no filter, no fallback")
                .isFalse();
        assertThatThrownBy(() -> normalize("selector", "top-q", "empty_fallback", "top-up"))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("empty_fallback")
                .hasMessageContaining("top-q")
                .hasMessageContaining("empty_fallback: random");
    }
}
