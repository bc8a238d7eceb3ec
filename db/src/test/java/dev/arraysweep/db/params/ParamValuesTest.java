package dev.arraysweep.db.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParamValuesTest {

    @Test
    void toJson_isSortedCompactAndTyped() throws ParamException {
        String json = Params.normalize(Map.of(
                        "dataset",
                        "mnist",
                        "batch_filtering",
                        false,
                        "learning_rate",
                        1,
                        "lr_scheduler",
                        "multistep",
                        "milestones",
                        List.of(10, 20)))
                .toJson();

        assertThat(json)
                .startsWith("{\"batch_filtering\":false,\"batch_size\":1024,\"data_dir\":null,\"dataset\":\"mnist\",")
                .contains("\"learning_rate\":1.0,", "\"milestones\":[10,20],", "\"weight_decay\":0.0005}");
    }

    @Test
    void jsonRoundTrip_preservesValuesAndHash() throws ParamException {
        ParamValues original = Params.normalize(Map.of(
                "sampler",
                "weighted",
                "class_weights",
                List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 0.5),
                "lr_scheduler",
                "multistep",
                "learning_rate",
                1e-8,
                "data_dir",
                "/data/\"x\"\n",
                "train_limit",
                500));

        ParamValues read = ParamValues.fromJson(original.toJson());

        assertThat(read).isEqualTo(original);
        assertThat(read.hash()).isEqualTo(original.hash()).hasSize(64);
        assertThat(read.shortHash()).hasSize(16);
        assertThat(read.doubleList("class_weights")).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 0.5);
        assertThat(read.nullableString("data_dir")).isEqualTo("/data/\"x\"\n");
    }

    @Test
    void fromJson_normalisesHandWrittenJson() throws ParamException {
        assertThat(ParamValues.fromJson("{\"learning_rate\": 1, \"momentum\": 0.9}")
                        .hash())
                .isEqualTo(Params.normalize(Map.of("learning_rate", 1.0)).hash());
        assertThatThrownBy(() -> ParamValues.fromJson("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParamValues.fromJson("{\"lr\": 1}")).isInstanceOf(ParamException.class);
    }

    @Test
    void numbers_useShortestRoundTripForm() {
        assertThat(CanonicalJson.number(0.1)).isEqualTo("0.1");
        assertThat(CanonicalJson.number(100)).isEqualTo("100.0");
        assertThat(CanonicalJson.number(0.0005)).isEqualTo("0.0005");
        assertThat(CanonicalJson.number(1e-8)).isEqualTo("1.0E-8");
        assertThat(CanonicalJson.number(1.5e21)).isEqualTo("1.5E21");
        assertThat(CanonicalJson.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(CanonicalJson.number(2e23)).isEqualTo("2.0E23");
        assertThat(CanonicalJson.number(-0.995)).isEqualTo("-0.995");
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                assertThat(Double.parseDouble(CanonicalJson.number(d))).isEqualTo(d);
            }
        }
    }
}
