package dev.arraysweep.db.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static ParamValues normalize(Object... keyValues) throws ParamException {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Params.normalize(raw);
    }

    @Test
    void onlyARunWithADecayingPower_dependsOnItsTotalEpochs() throws Exception {
        Map<String, Object> base = Map.of("dataset", "mnist", "model", "lenet", "epochs", 4);
        Map<String, Object> weighted = new HashMap<>(base);
        weighted.put("selector", "loss-weighted");
        assertThat(Params.dependsOnTotalEpochs(Params.normalize(base))).isFalse();
        assertThat(Params.dependsOnTotalEpochs(Params.normalize(weighted))).isFalse();
        weighted.put("power_decay", "linear");
        assertThat(Params.dependsOnTotalEpochs(Params.normalize(weighted))).isTrue();
        weighted.put("power_decay", "none");
        assertThat(Params.dependsOnTotalEpochs(Params.normalize(weighted))).isFalse();
        assertThat(Params.all().stream().filter(ParamDef::spreadOverEpochs).map(ParamDef::name))
                .containsExactly("final_power");
    }

    @Test
    void emptyMap_getsThesisTable41Defaults() throws ParamException {
        ParamValues v = normalize();

        assertThat(v.string("dataset")).isEqualTo("cifar10");
        assertThat(v.string("model")).isEqualTo("resnet18");
        assertThat(v.string("optimizer")).isEqualTo("sgd");
        assertThat(v.intValue("batch_size")).isEqualTo(1024);
        assertThat(v.doubleValue("learning_rate")).isEqualTo(0.1);
        assertThat(v.string("augmentation")).isEqualTo("thesis");
        assertThat(v.intValue("seed")).isZero();
        assertThat(v.doubleValue("weight_decay")).isEqualTo(0.0005);
        assertThat(v.bool("epoch_filtering")).isFalse();
        assertThat(v.bool("batch_filtering")).isTrue();
        assertThat(v.string("lr_scheduler")).isEqualTo("none");
        assertThat(v.doubleValue("momentum")).isEqualTo(0.9);
        assertThat(v.bool("nesterov")).isFalse();
        assertThat(v.intValue("accumulation_batch_size")).isEqualTo(1024);
        assertThat(v.nullableInt("train_limit")).isNull();
        assertThat(v.has("amsgrad")).isFalse();
        assertThat(v.has("gamma")).isFalse();
        assertThat(v.has("margin")).isFalse();
        assertThat(v.has("k")).isFalse();
        assertThat(v.has("score")).isFalse();
    }

    @Test
    void everyConstantDefault_isAValidValue() throws ParamException {
        for (ParamDef def : Params.all()) {
            Object value = def.defaultValue().valueFor(Map.of("batch_size", 1024, "lr_scheduler", "multistep"));
            if (value != null) {
                assertThat(Params.coerce(def.name(), value)).as(def.name()).isEqualTo(value);
            }
        }
    }

    @Test
    void gammaDefault_dependsOnScheduler() throws ParamException {
        assertThat(normalize("lr_scheduler", "exponential").doubleValue("gamma"))
                .isEqualTo(0.995);
        ParamValues multistep = normalize("lr_scheduler", "multistep");
        assertThat(multistep.doubleValue("gamma")).isEqualTo(0.1);
        assertThat(multistep.intList("milestones")).containsExactly(150);
        assertThat(normalize("lr_scheduler", "exponential").has("milestones")).isFalse();
    }

    @Test
    void momentumWithAdam_isRemoved_andHashesLikeTheRunWithoutIt() throws ParamException {
        ParamValues with = normalize("optimizer", "adam", "momentum", 0.5, "nesterov", true);
        ParamValues without = normalize("optimizer", "adam");

        assertThat(with.has("momentum")).isFalse();
        assertThat(with.bool("amsgrad")).isFalse();
        assertThat(with.hash()).isEqualTo(without.hash());
    }

    @Test
    void gammaWithoutScheduler_isRemoved() throws ParamException {
        assertThat(normalize("gamma", 0.5, "milestones", List.of(10, 20)).hash())
                .isEqualTo(normalize().hash());
    }

    @Test
    void accumulationSizeWithoutBatchFiltering_isRemoved() throws ParamException {
        ParamValues with = normalize("batch_filtering", false, "accumulation_batch_size", 4096, "overflow", "carry");

        assertThat(with.has("accumulation_batch_size")).isFalse();
        assertThat(with.hash()).isEqualTo(normalize("batch_filtering", false).hash());
    }

    @Test
    void filterSettingsWithoutAnyFilter_areRemoved() throws ParamException {
        ParamValues with =
                normalize("batch_filtering", false, "filter_kind", "soft", "margin", 0.3, "empty_fallback", "random");

        assertThat(with.has("filter_kind")).isFalse();
        assertThat(with.hash()).isEqualTo(normalize("batch_filtering", false).hash());
    }

    @Test
    void augmentationOnMnist_isRemoved() throws ParamException {
        ParamValues with = normalize(
                "dataset",
                "mnist",
                "augmentation",
                true,
                "epoch_filtering",
                true,
                "epoch_filter_augmentation",
                "reuse");

        assertThat(with.has("augmentation")).isFalse();
        assertThat(with.has("epoch_filter_augmentation")).isFalse();
        assertThat(with.hash())
                .isEqualTo(normalize("dataset", "mnist", "augmentation", false, "epoch_filtering", true)
                        .hash());
    }

    @Test
    void nullAccumulationSize_equalsExplicitBatchSize() throws ParamException {
        assertThat(normalize("batch_size", 128, "accumulation_batch_size", null).hash())
                .isEqualTo(normalize("batch_size", 128, "accumulation_batch_size", 128)
                        .hash());
    }

    @Test
    void intWhereDoubleExpected_isWidened() throws ParamException {
        assertThat(normalize("learning_rate", 1).hash())
                .isEqualTo(normalize("learning_rate", 1.0).hash());
        assertThat(normalize("weight_decay", -0.0).hash())
                .isEqualTo(normalize("weight_decay", 0).hash());
    }

    @Test
    void choices_areCaseInsensitive() throws ParamException {
        assertThat(normalize("optimizer", "SGD", "model", "ResNet18").hash())
                .isEqualTo(normalize().hash());
        assertThat(normalize("model", "FCNet42").string("model")).isEqualTo("fcnet42");
    }

    @Test
    void stringWhereNumberExpected_isError() {
        assertThatThrownBy(() -> normalize("learning_rate", "0.1"))
                .isInstanceOf(ParamException.class)
                .hasMessage(
                        "learning_rate: got \"0.1\" (a string); expected a number > 0. Write a number without quotes.");
    }

    @Test
    void fractionWhereIntExpected_isError() {
        assertThatThrownBy(() -> normalize("epochs", 2.5))
                .hasMessage(
                        "epochs: got 2.5 (a number); expected an integer >= 1. Write a whole number, without a fraction or exponent.");
    }

    @Test
    void outOfRange_namesValueAndRange() {
        assertThatThrownBy(() -> normalize("momentum", 1.0))
                .hasMessage("momentum: 1.0 is not allowed; expected a number in [0, 1).");
        assertThatThrownBy(() -> normalize("batch_size", 0))
                .hasMessage("batch_size: 0 is not allowed; expected an integer >= 1.");
    }

    @Test
    void inapplicableValue_isStillChecked() {
        assertThatThrownBy(() -> normalize("optimizer", "adam", "momentum", -1))
                .hasMessageStartingWith("momentum: -1 is not allowed");
    }

    @Test
    void unknownChoice_suggestsClosest() {
        assertThatThrownBy(() -> normalize("optimizer", "adma"))
                .hasMessage("optimizer: \"adma\" is not allowed; expected one of sgd, adam. Did you mean \"adam\"?");
        assertThatThrownBy(() -> normalize("model", "fcnet0"))
                .hasMessageContaining("or fcnet<N> (N hidden units, N >= 1)");
    }

    @Test
    void unknownKey_suggestsClosestOrAlias() {
        assertThatThrownBy(() -> normalize("batch_sizes", 16))
                .isInstanceOfSatisfying(
                        ParamException.class, e -> assertThat(e.param()).isEqualTo("batch_sizes"))
                .hasMessage(
                        "batch_sizes: \"batch_sizes\" is not a run parameter; expected a known parameter name. Did you mean \"batch_size\"?");
        assertThat(Params.suggest("lr")).contains("learning_rate");
        assertThat(Params.suggest("zzzzzzzz")).isEmpty();
    }

    @Test
    void nullForNonNullable_isError() {
        assertThatThrownBy(() -> normalize("epochs", null))
                .hasMessage(
                        "epochs: null is not allowed; expected an integer >= 1. Remove the key to get the default (300).");
    }

    @Test
    void keepBest_isLeftOutUnlessSet_andChoosesAmongEarlyStoppingsMetrics() throws ParamException {
        assertThat(normalize().has("keep_best")).isFalse();
        assertThat(normalize("keep_best", null).hash())
                .as("off (null) is left out: no stored run changes its hash")
                .isEqualTo(normalize().hash());
        ParamValues loss = normalize("keep_best", "Test-Loss");
        assertThat(loss.string("keep_best")).isEqualTo("test-loss");
        assertThat(loss.hash()).isNotEqualTo(normalize().hash());
        assertThat(normalize("keep_best", "test-accuracy").hash()).isNotEqualTo(loss.hash());
        assertThat(Params.find("keep_best").orElseThrow().constraint())
                .as("one definition of the test metrics")
                .isSameAs(Params.find("early_stopping_metric").orElseThrow().constraint());
        assertThatThrownBy(() -> normalize("keep_best", "test_accuracy"))
                .hasMessage("keep_best: \"test_accuracy\" is not allowed; expected one of test-loss, test-accuracy"
                        + " (or null for the default: null). Did you mean \"test-accuracy\"?");
    }

    @Test
    void milestones_mustStrictlyIncrease() {
        assertThatThrownBy(() -> normalize("lr_scheduler", "multistep", "milestones", List.of(100, 100)))
                .hasMessage(
                        "milestones: [100, 100] is not allowed; expected a non-empty, strictly increasing list of integers >= 1.");
        assertThatThrownBy(() -> normalize("milestones", List.of(1, "x")))
                .hasMessageStartingWith("milestones: got [1, \"x\"], whose element \"x\" is a string");
        assertThatThrownBy(() -> normalize("milestones", 150)).hasMessageEndingWith("Write a list, e.g. [150].");
    }

    @Test
    void nesterovWithoutMomentum_isError() {
        assertThatThrownBy(() -> normalize("nesterov", true, "momentum", 0))
                .hasMessageContaining("nesterov needs momentum")
                .hasMessageEndingWith("Set momentum (e.g. 0.9) or nesterov: false.");
    }

    @Test
    void q_rangeDependsOnSelector() throws ParamException {
        assertThat(normalize("selector", "q-split").doubleValue("q")).isEqualTo(2.0);
        assertThat(normalize("selector", "top-q").doubleValue("q")).isEqualTo(0.5);
        assertThatThrownBy(() -> normalize("selector", "top-q", "q", 2))
                .hasMessageContaining("a number in (0, 1) for top-q");
        assertThatThrownBy(() -> normalize("selector", "q-split", "q", 2.5))
                .hasMessageContaining("an integer >= 2 for q-split");
        assertThatThrownBy(() -> normalize("selector", "q-split", "q", 4, "k", 3))
                .hasMessageStartingWith("k: k 3 is fewer than the 4 buckets");
    }

    @Test
    void weightedSampler_needsExactlyOneWeightSource() throws ParamException {
        assertThatThrownBy(() -> normalize("sampler", "weighted"))
                .hasMessageStartingWith("sampler: sampler weighted has no weights");
        assertThatThrownBy(() -> normalize("sampler", "weighted", "class_weights", List.of(1, 2)))
                .hasMessageStartingWith("class_weights: 2 weights for 10 classes of cifar10");
        assertThatThrownBy(() -> normalize(
                        "sampler",
                        "weighted",
                        "weights_file",
                        "w.txt",
                        "class_weights",
                        List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)))
                .hasMessageStartingWith("class_weights: both weights_file and class_weights are set");
        assertThat(normalize("sampler", "weighted", "weights_file", "w.txt").nullableDoubleList("class_weights"))
                .isNull();
    }

    @Test
    void samplesPerEpoch_cannotExceedTrainingSetWithoutReplacement() throws ParamException {
        assertThatThrownBy(() -> normalize("sampler", "importance", "samples_per_epoch", 100, "train_limit", 50))
                .hasMessage(
                        "samples_per_epoch: 100 samples cannot be drawn without replacement from 50 training samples; "
                                + "expected at most 50. Lower samples_per_epoch or set replacement: true.");
        assertThat(normalize("sampler", "importance", "samples_per_epoch", 100, "train_limit", 50, "replacement", true)
                        .nullableInt("samples_per_epoch"))
                .isEqualTo(100);
    }

    /**
     * Hashes of runs written before {@code replacement} applied to weighted sampling and before the subsets
     * existed, computed on that code and written down: the new parameters must leave them as they were.
     */
    @Test
    void runsFromBeforeTheSubsetsAndWeightedReplacement_keepTheirHashes() throws ParamException {
        List<Integer> classWeights = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1000);
        assertThat(normalize("sampler", "weighted", "class_weights", classWeights)
                        .hash())
                .isEqualTo("3311bb5215383bb2c6e4bec45957594b845f2234106dfcda325f7aaf5e62dc99");
        assertThat(normalize(
                                "dataset",
                                "mnist",
                                "sampler",
                                "weighted",
                                "weights_file",
                                "w.txt",
                                "samples_per_epoch",
                                100)
                        .hash())
                .isEqualTo("313eda1707c2ec10288d86f2f961a1c3d67e31c7454e5b19a35bec38d3800f48");
        assertThat(normalize("dataset", "fashion-mnist", "train_limit", 1000, "test_limit", 200, "seed", 3)
                        .hash())
                .isEqualTo("fccd0c7967a7692308030f4fbfe31ab8183c616f5835f6d96165800b26f294a7");
        assertThat(normalize("sampler", "importance", "replacement", true).hash())
                .isEqualTo("6b3519baaf6f3c4f54c6ce8d86d4cd3938c1dbe3afdc489489146f3ae51a0c02");
    }

    @Test
    void weightedReplacement_falseIsLeftOut_trueIsKept() throws ParamException {
        List<Integer> w = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        ParamValues plain = normalize("sampler", "weighted", "class_weights", w);
        ParamValues without = normalize("sampler", "weighted", "class_weights", w, "replacement", false);
        ParamValues with = normalize("sampler", "weighted", "class_weights", w, "replacement", true);

        assertThat(plain.has("replacement")).isFalse();
        assertThat(without.hash()).isEqualTo(plain.hash());
        assertThat(with.bool("replacement")).isTrue();
        assertThat(with.hash()).isNotEqualTo(plain.hash());
        assertThat(Params.find("replacement").orElseThrow().dropRule())
                .isEqualTo("applies only when sampler in {importance, weighted} and false is left out where sampler"
                        + " = weighted");
        assertThat(Params.find("classes").orElseThrow().dropRule()).isEqualTo("applies always and null is left out");
        // importance runs carry it either way, as before
        assertThat(normalize("sampler", "importance").bool("replacement")).isFalse();
        // with replacement a weighted epoch may draw more samples than there are
        assertThat(normalize(
                                "sampler",
                                "weighted",
                                "class_weights",
                                w,
                                "replacement",
                                true,
                                "samples_per_epoch",
                                60_000)
                        .nullableInt("samples_per_epoch"))
                .isEqualTo(60_000);
        assertThatThrownBy(() -> normalize("sampler", "weighted", "class_weights", w, "samples_per_epoch", 60_000))
                .hasMessageStartingWith(
                        "samples_per_epoch: 60000 samples cannot be drawn without replacement from 50000");
    }

    @Test
    void subsets_areLeftOutUnlessSet_andTheirSeedIsTheRunsByDefault() throws ParamException {
        assertThat(normalize("classes", null, "per_class", null, "train_subset", null)
                        .hash())
                .isEqualTo(normalize().hash());
        assertThat(normalize("classes", 3).has("subset_seed"))
                .as("first classes need no seed")
                .isFalse();

        ParamValues perClass = normalize("seed", 4, "classes", 5, "per_class", 100);
        assertThat(perClass.intValue("classes")).isEqualTo(5);
        assertThat(perClass.intValue("per_class")).isEqualTo(100);
        assertThat(perClass.intValue("subset_seed")).isEqualTo(4);
        assertThat(normalize("seed", 4, "classes", 5, "per_class", 100, "subset_seed", 4)
                        .hash())
                .isEqualTo(perClass.hash());
        assertThat(normalize("seed", 4, "classes", 5, "per_class", 100, "subset_seed", 9)
                        .hash())
                .isNotEqualTo(perClass.hash());
        assertThat(normalize("train_subset", 10, "seed", 2).intValue("subset_seed"))
                .isEqualTo(2);
    }

    @Test
    void subsets_outsideTheDataset_areErrors() {
        assertThatThrownBy(() -> normalize("dataset", "mnist", "classes", 11))
                .hasMessage("classes: mnist has 10 classes, not 11; expected at most 10. Lower classes, or remove it"
                        + " to keep every class.");
        assertThatThrownBy(() -> normalize("train_subset", 100, "per_class", 10))
                .hasMessageStartingWith("train_subset: both train_subset and per_class are set");
        assertThatThrownBy(() -> normalize("dataset", "cifar100", "train_subset", 50_001))
                .hasMessageStartingWith("train_subset: cifar100 has 50000 training samples, not 50001");
        assertThatThrownBy(() -> normalize("classes", 0)).hasMessageStartingWith("classes: ");
        assertThatThrownBy(() ->
                        normalize("sampler", "importance", "samples_per_epoch", 600, "classes", 5, "per_class", 100))
                .hasMessageStartingWith(
                        "samples_per_epoch: 600 samples cannot be drawn without replacement from 500 training samples");
    }

    @Test
    void importanceWeights_defaultIsNotCarried_soRunsFromBeforeItKeepTheirHashes() throws ParamException {
        ParamValues before = normalize("sampler", "importance");
        ParamValues unbiased = normalize("sampler", "importance", "importance_weights", "horvitz-thompson");
        ParamValues seedAsWritten = normalize("sampler", "importance", "importance_weights", "inverse-probability");

        assertThat(before.has("importance_weights")).isFalse();
        assertThat(unbiased.hash()).isEqualTo(before.hash());
        assertThat(seedAsWritten.string("importance_weights")).isEqualTo("inverse-probability");
        assertThat(seedAsWritten.hash()).isNotEqualTo(before.hash());
        assertThat(normalize("importance_weights", "inverse-probability").hash())
                .as("no importance sampler: removed")
                .isEqualTo(normalize().hash());
    }

    @Test
    void getterOfInapplicableParameter_saysWhenItApplies() throws ParamException {
        ParamValues adam = normalize("optimizer", "adam");

        assertThatThrownBy(() -> adam.doubleValue("momentum"))
                .hasMessage("parameter momentum does not apply to this run (it applies when optimizer = sgd)");
    }

    @Test
    void softTopK_appliesToASoftFilterWithTopK_andPooledIsLeftOut_soStoredRunsKeepTheirHashes() throws ParamException {
        // hashes of runs from before soft_top_k and batch_mode existed (computed at 710a2f5)
        String softTopK = "e5529ee4477b0a669fbf1cdbf0155543971baa28799da980f3b075c2c8452298";
        String epochSoftTopK = "7691b4509dcc5d4bbf9391f4268aa1a6dc1fa578de0864bc274749094fd48a9a";
        assertThat(normalize("filter_kind", "soft", "selector", "top-k", "k", 256)
                        .hash())
                .isEqualTo(softTopK);
        ParamValues pooled = normalize("filter_kind", "soft", "selector", "top-k", "k", 256, "soft_top_k", "pooled");
        assertThat(pooled.has("soft_top_k")).isFalse();
        assertThat(pooled.hash()).isEqualTo(softTopK);
        assertThat(normalize(
                                "batch_filtering",
                                false,
                                "epoch_filtering",
                                true,
                                "filter_kind",
                                "soft",
                                "selector",
                                "top-k",
                                "k",
                                64,
                                "dataset",
                                "mnist",
                                "model",
                                "fcnet100")
                        .hash())
                .isEqualTo(epochSoftTopK);

        ParamValues thesis = normalize("filter_kind", "soft", "selector", "top-k", "k", 256, "soft_top_k", "thesis");
        assertThat(thesis.string("soft_top_k")).isEqualTo("thesis");
        assertThat(thesis.hash()).isNotEqualTo(softTopK);
        // Alg. 6 composes the soft filter with top-k: elsewhere the key is removed
        assertThat(normalize("selector", "top-k", "soft_top_k", "thesis").has("soft_top_k"))
                .as("hard filter")
                .isFalse();
        assertThat(normalize("filter_kind", "soft", "selector", "top-q", "soft_top_k", "thesis")
                        .has("soft_top_k"))
                .as("top-q")
                .isFalse();
        assertThatThrownBy(() -> normalize("filter_kind", "soft", "selector", "top-k", "soft_top_k", "alg6"))
                .hasMessageContaining("soft_top_k");
    }

    @Test
    void batchModeVary_removesOverflowAndRawBatch_andAccumulateIsLeftOut_soStoredRunsKeepTheirHashes()
            throws ParamException {
        String carryAdaptive = "c6f618e969fc83544d66408333c05f35672de109c4c6fb87b084bd16a39d02dc"; // at 710a2f5
        assertThat(normalize("overflow", "carry", "raw_batch", "adaptive", "accumulation_batch_size", 512)
                        .hash())
                .isEqualTo(carryAdaptive);
        ParamValues accumulate = normalize(
                "overflow",
                "carry",
                "raw_batch",
                "adaptive",
                "accumulation_batch_size",
                512,
                "batch_mode",
                "accumulate");
        assertThat(accumulate.has("batch_mode")).isFalse();
        assertThat(accumulate.hash()).isEqualTo(carryAdaptive);

        ParamValues vary = normalize(
                "overflow", "carry", "raw_batch", "adaptive", "accumulation_batch_size", 512, "batch_mode", "vary");
        assertThat(vary.string("batch_mode")).isEqualTo("vary");
        assertThat(vary.intValue("accumulation_batch_size")).isEqualTo(512);
        assertThat(vary.has("overflow")).isFalse();
        assertThat(vary.has("raw_batch")).isFalse();
        assertThat(vary.hash())
                .isEqualTo(normalize("accumulation_batch_size", 512, "batch_mode", "vary")
                        .hash());
        assertThat(normalize("batch_filtering", false, "epoch_filtering", true, "batch_mode", "vary")
                        .has("batch_mode"))
                .as("without the batch filter")
                .isFalse();
    }
}
