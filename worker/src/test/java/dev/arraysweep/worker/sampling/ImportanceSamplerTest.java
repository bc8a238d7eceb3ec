package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.CHI2_999;
import static dev.arraysweep.worker.sampling.StrategyRuns.assertBinomial;
import static dev.arraysweep.worker.sampling.StrategyRuns.chiSquare;
import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static dev.arraysweep.worker.sampling.StrategyRuns.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arraysweep.worker.testing.PytorchReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportanceSamplerTest {
    private static ImportanceSampler sampler(
            int batch, double beta, int warmup, Integer perEpoch, boolean replacement, long seed) {
        return new ImportanceSampler(new Archetype(batch), beta, warmup, perEpoch, replacement, new Random(seed));
    }

    /** Runs one epoch as the trainer does, reporting {@code loss(i)} as each trained sample's loss. */
    private static List<int[]> trainEpoch(
            ImportanceSampler s, IndexOnlySource src, int epoch, int[] order, double[] loss) {
        s.startEpoch(epoch, order, src);
        List<int[]> steps = new ArrayList<>();
        Batch b;
        while ((b = s.nextStep(src)) != null) {
            float[] l = new float[b.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = (float) loss[b.indices()[i]];
            }
            s.afterStep(b, l);
            steps.add(b.indices());
        }
        return steps;
    }

    @Test
    void warmUpEpochs_trainOnTheShuffledOrderWithEqualWeights() {
        IndexOnlySource src = new IndexOnlySource(6, i -> false);
        ImportanceSampler s = sampler(4, 0, 2, 3, false, 0);
        assertThat(s.wantsStepLosses()).isTrue();
        List<int[]> steps = trainEpoch(s, src, 1, new int[] {5, 4, 3, 2, 1, 0}, new double[6]);
        assertThat(steps).containsExactly(new int[] {5, 4, 3, 2}, new int[] {1, 0});
        assertThat(src.weights).isEmpty();
        assertThat(s.probabilities()).isNull();
    }

    @Test
    void softmaxProbabilitiesAndWeights_matchSeed002Reference() {
        JsonNode ref = PytorchReference.section("importance_seed002");
        double[] scores = PytorchReference.doubles(ref.get("scores"));
        double[] softmax = PytorchReference.doubles(ref.get("softmax"));
        double[] weights = PytorchReference.doubles(ref.get("weights_1_over_N_p"));
        IndexOnlySource src = new IndexOnlySource(4, i -> false);
        ImportanceSampler s = sampler(4, 0, 1, null, false, 0);
        trainEpoch(s, src, 0, identity(4), scores); // warm-up: last-loss scores become the losses
        assertThat(s.scores()).containsExactly(scores, within(1e-7));

        List<int[]> steps = trainEpoch(s, src, 1, identity(4), new double[4]);
        assertThat(s.probabilities()).containsExactly(softmax, within(1e-9));
        assertThat(steps).hasSize(1);
        int[] drawn = steps.get(0);
        assertThat(drawn).containsExactlyInAnyOrder(0, 1, 2, 3); // N draws without replacement: everyone once
        float[] w = src.weights.get(0);
        for (int i = 0; i < drawn.length; i++) {
            assertThat((double) w[i]).isCloseTo(weights[drawn[i]], within(1e-5 * weights[drawn[i]]));
        }
    }

    @Test
    void runningLossScore_matchesSeed002Reference() {
        JsonNode ref = PytorchReference.section("importance_seed002");
        IndexOnlySource src = new IndexOnlySource(1, i -> false);
        ImportanceSampler s = sampler(1, 0.2, 5, null, false, 0);
        trainEpoch(s, src, 0, identity(1), new double[] {1.25}); // 0.2 * 0 + 0.8 * 1.25 = 1.0
        trainEpoch(s, src, 1, identity(1), new double[] {3.0});
        assertThat(s.scores()[0])
                .isCloseTo(ref.get("running_score_beta_0.2_prev_1.0_loss_3.0").asDouble(), within(1e-7));
    }

    @Test
    void drawsWithReplacement_followTheSoftmaxOfTheScores() {
        double[] scores = {0, 1, 2, 0.5, 1.5};
        IndexOnlySource src = new IndexOnlySource(5, i -> false);
        ImportanceSampler s = sampler(1000, 0, 1, 20_000, true, 7);
        trainEpoch(s, src, 0, identity(5), scores);
        List<int[]> steps = trainEpoch(s, src, 1, identity(5), scores);
        assertThat(steps).hasSize(20);
        long[] counts = new long[5];
        steps.forEach(b -> Arrays.stream(b).forEach(i -> counts[i]++));
        assertThat(chiSquare(counts, s.probabilities())).isLessThan(CHI2_999[4]);
        assertThat(chiSquare(counts, new double[] {.2, .2, .2, .2, .2}))
                .as("uniform would be rejected")
                .isGreaterThan(CHI2_999[4]);
    }

    @Test
    void drawsWithoutReplacement_neverRepeatASampleInAnEpoch() {
        IndexOnlySource src = new IndexOnlySource(50, i -> false);
        double[] scores = new double[50];
        Arrays.setAll(scores, i -> i / 10.0);
        ImportanceSampler s = sampler(8, 0, 1, 30, false, 3);
        trainEpoch(s, src, 0, identity(50), scores);
        int[] all = trainEpoch(s, src, 1, identity(50), scores).stream()
                .flatMapToInt(Arrays::stream)
                .toArray();
        assertThat(all).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void drawsWithoutReplacement_includeEachSampleWithItsSequentialDrawProbability() {
        // N = 4, two draws without replacement, each in proportion to p among the samples not drawn yet:
        // sample i is drawn with probability sum over ordered pairs (a, b) holding i of p_a p_b / (1 - p_a)
        double[] scores = {0, 1, 2, 0.5};
        IndexOnlySource src = new IndexOnlySource(4, i -> false);
        ImportanceSampler s = sampler(2, 0, 1, 2, false, 21);
        trainEpoch(s, src, 0, identity(4), scores); // warm-up: scores become the losses, kept by every epoch after
        int epochs = 20_000;
        long[] counts = new long[4];
        for (int e = 1; e <= epochs; e++) {
            List<int[]> steps = trainEpoch(s, src, e, identity(4), scores);
            assertThat(steps).hasSize(1);
            assertThat(steps.get(0)).hasSize(2).doesNotHaveDuplicates();
            Arrays.stream(steps.get(0)).forEach(i -> counts[i]++);
        }
        double z = 1 + Math.E + Math.exp(2) + Math.exp(0.5);
        double[] p = {1 / z, Math.E / z, Math.exp(2) / z, Math.exp(0.5) / z}; // softmax of the scores
        double[] inclusion = new double[4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                if (a != b) {
                    double pair = p[a] * p[b] / (1 - p[a]);
                    inclusion[a] += pair;
                    inclusion[b] += pair;
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            assertBinomial("epochs drawing sample " + i, counts[i], epochs, inclusion[i]);
        }
    }

    @Test
    void samplesNeverTrainedOn_keepTheInitialScoreZero() {
        IndexOnlySource src = new IndexOnlySource(4, i -> false);
        ImportanceSampler s = sampler(1, 0, 0, 1, false, 5);
        List<int[]> steps = trainEpoch(s, src, 0, identity(4), new double[] {2, 2, 2, 2});
        assertThat(src.weights.get(0)).containsExactly(1.0f); // uniform p = 1/4: weight 1 / (4 * 1/4)
        double[] expected = new double[4];
        expected[steps.get(0)[0]] = 2;
        assertThat(s.scores()).containsExactly(expected, within(0.0));
    }

    @Test
    void savedStateMidEpoch_givesTheSameDrawsAndWeights() {
        IndexOnlySource src = new IndexOnlySource(50, i -> false);
        double[] scores = new double[50];
        Arrays.setAll(scores, i -> (i * 7 % 11) / 5.0);
        ImportanceSampler a = sampler(5, 0.5, 1, 30, true, 13);
        trainEpoch(a, src, 0, identity(50), scores);
        a.startEpoch(1, identity(50), src);
        a.afterStep(a.nextStep(src), new float[] {9, 9, 9, 9, 9});
        StrategyState saved = a.saveState(src);
        src.weights.clear();
        List<int[]> expected = StrategyRuns.rest(a, src);
        List<float[]> expectedWeights = new ArrayList<>(src.weights);

        ImportanceSampler b = sampler(5, 0.5, 1, 30, true, 77);
        b.restoreState(saved, src);
        src.weights.clear();
        assertThat(StrategyRuns.rest(b, src))
                .containsExactlyElementsOf(expected)
                .hasSize(5);
        assertThat(src.weights).containsExactlyElementsOf(expectedWeights);
        assertThat(b.scores()).containsExactly(a.scores(), within(0.0));
        b.startEpoch(2, identity(50), src);
        a.startEpoch(2, identity(50), src);
        assertThat(StrategyRuns.rest(b, src)).containsExactlyElementsOf(StrategyRuns.rest(a, src));
    }

    @Test
    void aFilterInside_seesTheDrawnOrder() {
        IndexOnlySource src = new IndexOnlySource(10, i -> i % 2 == 0);
        ImportanceSampler s = new ImportanceSampler(
                new EpochFilter(new Archetype(10), AcceptanceRule.misclassified(), false, 4),
                0,
                0,
                6,
                false,
                new Random(1));
        List<int[]> steps = epoch(s, src, 0, identity(10));
        assertThat(steps).hasSize(1);
        assertThat(Arrays.stream(steps.get(0)).allMatch(i -> i % 2 == 0)).isTrue();
        assertThat(s.endEpoch().rawForwarded()).isEqualTo(6);
        assertThat(src.weights.get(0)).containsOnly(1.0f);
    }
}
