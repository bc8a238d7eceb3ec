package dev.arraysweep.db.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 002's experiment as run: the augmentation choice and early stopping, and the hashes they leave alone. */
class Seed002ParamsTest {
    private static ParamValues normalize(Object... keyValues) throws ParamException {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Params.normalize(raw);
    }

    /** Run 17 of sweeps/importance-sampling-cifar10.yaml before it used early stopping and crop-flip. */
    private static final Map<String, Object> IMPORTANCE_SAMPLING_17 = Map.ofEntries(
            Map.entry("dataset", "cifar10"),
            Map.entry("model", "resnet18"),
            Map.entry("epochs", 60),
            Map.entry("batch_size", 128),
            Map.entry("optimizer", "sgd"),
            Map.entry("learning_rate", 0.01),
            Map.entry("momentum", 0.9),
            Map.entry("nesterov", false),
            Map.entry("weight_decay", 0.0005),
            Map.entry("lr_scheduler", "multistep"),
            Map.entry("milestones", List.of(15, 30)),
            Map.entry("gamma", 0.1),
            Map.entry("epoch_filtering", false),
            Map.entry("batch_filtering", false),
            Map.entry("replacement", false),
            Map.entry("beta", 0.2),
            Map.entry("eval_train_every", 1),
            Map.entry("device", "auto"),
            Map.entry("augmentation", false),
            Map.entry("sampler", "importance"),
            Map.entry("score", "running-loss"),
            Map.entry("samples_per_epoch", 30000),
            Map.entry("warmup_epochs", 0),
            Map.entry("seed", 2));

    @Test
    void augmentationBooleans_readAsTheirChoices_andRunsStoreThemAsBefore() throws ParamException {
        ParamValues thesis = normalize("augmentation", true);
        ParamValues none = normalize("augmentation", false);

        assertThat(thesis.string("augmentation")).isEqualTo("thesis");
        assertThat(none.string("augmentation")).isEqualTo("none");
        assertThat(normalize().string("augmentation")).isEqualTo("thesis");
        assertThat(normalize("augmentation", "thesis")).isEqualTo(thesis);
        assertThat(normalize("augmentation", "None")).isEqualTo(none);
        // sweep files hand choices over as text
        assertThat(normalize("augmentation", "true")).isEqualTo(thesis);
        assertThat(normalize("augmentation", "False")).isEqualTo(none);
        assertThat(thesis.toJson()).contains("\"augmentation\":true");
        assertThat(none.toJson()).contains("\"augmentation\":false");
        assertThat(ParamValues.fromJson(none.toJson())).isEqualTo(none);
        // the hash pinned (ShippedSweepsTest) for this run while augmentation was a boolean
        assertThat(Params.normalize(IMPORTANCE_SAMPLING_17).hash())
                .isEqualTo("368af4f39138b6fff650f58edf1a6a30e59a825cd4b3c2bf176840804433c39e");
        Map<String, Object> named = new HashMap<>(IMPORTANCE_SAMPLING_17);
        named.put("augmentation", "none");
        assertThat(Params.normalize(named).hash())
                .isEqualTo("368af4f39138b6fff650f58edf1a6a30e59a825cd4b3c2bf176840804433c39e");
    }

    @Test
    void cropFlip_isStoredByName_andCountsAsAugmentationForTheEpochFilter() throws ParamException {
        ParamValues cropFlip = normalize("augmentation", "crop-flip", "epoch_filtering", true);

        assertThat(cropFlip.toJson()).contains("\"augmentation\":\"crop-flip\"");
        assertThat(ParamValues.fromJson(cropFlip.toJson())).isEqualTo(cropFlip);
        assertThat(cropFlip.string("epoch_filter_augmentation")).isEqualTo("resample");
        assertThat(normalize("augmentation", false, "epoch_filtering", true).has("epoch_filter_augmentation"))
                .isFalse();
        assertThat(normalize("dataset", "mnist", "augmentation", "crop-flip").has("augmentation"))
                .isFalse();
    }

    @Test
    void unknownAugmentation_namesTheChoicesAndTheBooleans() {
        assertThatThrownBy(() -> normalize("augmentation", "cropflip"))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("augmentation")
                .hasMessageContaining("none, crop-flip, thesis")
                .hasMessageContaining("false = none, true = thesis")
                .hasMessageContaining("Did you mean \"crop-flip\"?");
        assertThatThrownBy(() -> normalize("augmentation", 1))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("augmentation");
    }

    @Test
    void earlyStopping_isOffByDefault_andLeavesRunsAsTheyWere() throws ParamException {
        ParamValues plain = normalize();

        assertThat(plain.has("early_stopping_patience")).isFalse();
        assertThat(plain.has("early_stopping_metric")).isFalse();
        assertThat(plain.toJson()).doesNotContain("early_stopping");
        assertThat(normalize("early_stopping_patience", null)).isEqualTo(plain);
        assertThat(normalize("early_stopping_metric", "test-accuracy"))
                .as("a metric without patience does not apply")
                .isEqualTo(plain);
    }

    @Test
    void earlyStopping_watchesTestLossUnlessToldOtherwise() throws ParamException {
        ParamValues loss = normalize("early_stopping_patience", 15);
        assertThat(loss.nullableInt("early_stopping_patience")).isEqualTo(15);
        assertThat(loss.string("early_stopping_metric")).isEqualTo("test-loss");
        assertThat(loss.hash()).isNotEqualTo(normalize().hash());
        assertThat(normalize("early_stopping_patience", 15, "early_stopping_metric", "test-accuracy")
                        .string("early_stopping_metric"))
                .isEqualTo("test-accuracy");
    }

    @Test
    void earlyStoppingPatience_mustBePositive() {
        assertThatThrownBy(() -> normalize("early_stopping_patience", 0))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("early_stopping_patience")
                .hasMessageContaining(">= 1");
        assertThatThrownBy(() -> normalize("early_stopping_patience", 5, "early_stopping_metric", "val-loss"))
                .hasMessageContaining("test-loss, test-accuracy");
    }
}
