package dev.arraysweep.worker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.worker.spec.RunSpec;
import dev.arraysweep.worker.spec.SubsetSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Known answers for the subsets of thesis 5.4 (classes, samples per class) and seed 000 (a random subset). */
class SubsetTest {
    /** 30 training images of 3 classes (label i % 3, pixel value i), 12 test images (label i % 3). */
    private static Dataset data() {
        return new Dataset("toy", 1, 1, 1, 3, split(30), split(12));
    }

    private static Split split(int n) {
        float[] x = new float[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i % 3;
        }
        return new Split(x, y);
    }

    private static int[] labels(int[] positions) {
        return Arrays.stream(positions).map(i -> i % 3).toArray();
    }

    @Test
    void classes_keepTheFirstClassesInBothSplits_withTheirLabels() {
        Subset s = Subset.choose(data(), 2, null, null, 0);

        assertThat(s.numClasses()).isEqualTo(2);
        assertThat(s.train()).hasSize(20).doesNotContain(2, 5, 29).startsWith(0, 1, 3, 4);
        assertThat(s.test()).containsExactly(0, 1, 3, 4, 6, 7, 9, 10);
        Dataset two = data().select(s);
        assertThat(two.numClasses()).isEqualTo(2);
        assertThat(two.train().labels()).containsOnly(0, 1).hasSize(20);
        assertThat(two.test().labels()).containsExactly(0, 1, 0, 1, 0, 1, 0, 1);
        assertThat(two.train().images()).startsWith(0f, 1f, 3f, 4f);
        assertThat(two.trainPositions()).containsExactly(s.train());
    }

    @Test
    void perClass_keepsThatManyOfEachKeptClass_inDatasetOrder_andTheWholeTestSplitOfThoseClasses() {
        Subset s = Subset.choose(data(), 2, 4, null, 7);

        assertThat(s.train()).hasSize(8).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(labels(s.train())).filter(c -> c == 0).count()).isEqualTo(4);
        assertThat(Arrays.stream(labels(s.train())).filter(c -> c == 1).count()).isEqualTo(4);
        assertThat(s.test()).hasSize(8);
        Subset all = Subset.choose(data(), null, 10, null, 7);
        assertThat(all.train()).containsExactly(IntStream.range(0, 30).toArray());
        assertThat(all.numClasses()).isEqualTo(3);
    }

    @Test
    void trainSubset_keepsThatManyDistinctSamples_inDatasetOrder_testUntouched() {
        Subset s = Subset.choose(data(), null, null, 7, 1);

        assertThat(s.train()).hasSize(7).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(s.train()).allMatch(i -> i >= 0 && i < 30)).isTrue();
        assertThat(s.test()).containsExactly(IntStream.range(0, 12).toArray());
        assertThat(data().select(s).train().images())
                .containsExactly(
                        Arrays.stream(s.train()).mapToObj(i -> (float) i).toArray(Float[]::new));
    }

    @Test
    void sameSeed_sameSubset_otherSeed_otherSubset() {
        assertThat(Subset.choose(data(), null, null, 10, 4).train())
                .containsExactly(Subset.choose(data(), null, null, 10, 4).train());
        assertThat(Subset.choose(data(), null, null, 10, 4).train())
                .isNotEqualTo(Subset.choose(data(), null, null, 10, 5).train());
        assertThat(Subset.choose(data(), null, 5, null, 4).train())
                .containsExactly(Subset.choose(data(), null, 5, null, 4).train());
        assertThat(Subset.choose(data(), null, 5, null, 4).train())
                .isNotEqualTo(Subset.choose(data(), null, 5, null, 5).train());
    }

    @Test
    void subsetsAreNested_inSizeAndInClasses() {
        assertThat(Subset.choose(data(), null, null, 12, 3).train())
                .contains(Subset.choose(data(), null, null, 5, 3).train());
        assertThat(Subset.choose(data(), null, 7, null, 3).train())
                .contains(Subset.choose(data(), null, 3, null, 3).train());
        int[] twoClasses = Subset.choose(data(), 2, 4, null, 3).train();
        int[] threeClasses = Subset.choose(data(), 3, 4, null, 3).train();
        assertThat(Arrays.stream(threeClasses).filter(i -> i % 3 < 2).toArray()).containsExactly(twoClasses);
    }

    /** Over 2,000 seeds each of 30 samples is in a subset of 6 about 2000 * 6/30 = 400 times (binomial). */
    @Test
    void trainSubset_isUniform() {
        long[] hits = new long[30];
        for (int seed = 0; seed < 2000; seed++) {
            for (int i : Subset.choose(data(), null, null, 6, seed).train()) {
                hits[i]++;
            }
        }
        double sd = Math.sqrt(2000 * 0.2 * 0.8);
        for (int i = 0; i < 30; i++) {
            assertThat((double) hits[i]).as("sample %d", i).isCloseTo(400, within(4 * sd));
        }
    }

    @Test
    void askingForMoreThanTheDatasetHas_isBadInput() {
        assertThatThrownBy(() -> Subset.choose(data(), 4, null, null, 0))
                .isInstanceOf(ExitException.class)
                .hasMessage("classes 4: dataset toy has only 3 classes; expected at most 3");
        assertThatThrownBy(() -> Subset.choose(data(), 2, 11, null, 0))
                .isInstanceOf(ExitException.class)
                .hasMessage("per_class 11: class 0 of toy has only 10 training samples; expected at most 10 per class"
                        + " (lower per_class)");
        assertThatThrownBy(() -> Subset.choose(data(), 2, null, 21, 0))
                .isInstanceOf(ExitException.class)
                .hasMessage("train_subset 21: the run has only 20 training samples in its first 2 classes; expected"
                        + " at most 20");
    }

    @Test
    void afterTrainLimit_positionsStayThoseOfTheLoadedSplit() {
        Dataset limited = data().limit(12, 12);
        Dataset sub = limited.select(Subset.choose(limited, 1, null, null, 0));
        assertThat(limited.trainPositions())
                .containsExactly(IntStream.range(0, 12).toArray());
        assertThat(sub.trainPositions()).containsExactly(0, 3, 6, 9);
        Dataset again = sub.select(new Subset(new int[] {1, 3}, new int[] {0}, 1));
        assertThat(again.trainPositions()).containsExactly(3, 9);
        assertThatThrownBy(() -> data().normalized().select(Subset.choose(data(), 1, null, null, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("take the subset first, then normalise");
    }

    /** A filtered run, its archetype twin and every sampler of the same configuration train on one subset. */
    @Test
    void twins_getTheSameSubset_fromTheirSharedSeed() throws ParamException {
        Map<String, Object> config = Map.of("dataset", "fashion-mnist", "seed", 11, "classes", 2, "per_class", 5);
        int[] archetype = subset(config, Map.of("batch_filtering", false));
        List<Map<String, Object>> twins = List.of(
                Map.of("batch_filtering", true),
                Map.of("batch_filtering", false, "epoch_filtering", true, "selector", "top-k", "k", 4),
                Map.of("sampler", "importance", "replacement", true),
                Map.of(
                        "sampler",
                        "weighted",
                        "class_weights",
                        List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                        "replacement",
                        true));
        for (Map<String, Object> twin : twins) {
            assertThat(subset(config, twin)).as("%s", twin).containsExactly(archetype);
        }
        Map<String, Object> otherSeed = new HashMap<>(config);
        otherSeed.put("seed", 12);
        assertThat(subset(otherSeed, Map.of())).isNotEqualTo(archetype);
        Map<String, Object> fixedSubset = new HashMap<>(otherSeed);
        fixedSubset.put("subset_seed", 11);
        assertThat(subset(fixedSubset, Map.of()))
                .as("subset_seed fixes it across seeds")
                .containsExactly(archetype);
    }

    private static int[] subset(Map<String, Object> config, Map<String, Object> sampling) throws ParamException {
        Map<String, Object> raw = new HashMap<>(config);
        raw.putAll(sampling);
        SubsetSpec s = RunSpec.from(Params.normalize(raw)).data().subset();
        Dataset ten = new Dataset("fashion-mnist", 1, 1, 1, 10, split10(100), split10(10));
        return Subset.choose(ten, s.classes(), s.perClass(), s.trainSubset(), s.seed())
                .train();
    }

    private static Split split10(int n) {
        int[] y = IntStream.range(0, n).map(i -> i % 10).toArray();
        return new Split(new float[n], y);
    }
}
