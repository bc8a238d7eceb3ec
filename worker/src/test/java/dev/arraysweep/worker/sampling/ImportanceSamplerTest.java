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
        return sampler(batch, beta, warmup, perEpoch, replacement, ImportanceWeights.HORVITZ_THOMPSON, seed);
    }

    private static ImportanceSampler sampler(
            int batch,
            double beta,
            int warmup,
            Integer perEpoch,
            boolean replacement,
            ImportanceWeights weighting,
            long seed) {
        return new ImportanceSampler(
                new Archetype(batch), beta, warmup, perEpoch, replacement, weighting, new Random(seed));
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
    void epochFigures_areTheScoreQuantilesAndTheDrawWeightsLargestAndEffectiveSize() {
        // scores ln 1..ln 4: p = (1, 2, 3, 4) / 10; all N = 4 drawn once with weights 1/(N p) = 10/(4k)
        double[] scores = {0, Math.log(2), Math.log(3), Math.log(4)};
        IndexOnlySource src = new IndexOnlySource(4, i -> false);
        ImportanceSampler s = sampler(4, 0, 1, null, false, ImportanceWeights.INVERSE_PROBABILITY, 0);
        trainEpoch(s, src, 0, identity(4), scores); // warm-up: last-loss scores become the losses
        var warmUp = s.endEpoch().importance();
        assertThat(warmUp.weightMax()).as("no draw in warm-up").isNull();
        assertThat(warmUp.weightEss()).isNull();
        assertThat(warmUp.scoreMax()).isCloseTo(Math.log(4), within(1e-6));

        trainEpoch(s, src, 1, identity(4), scores); // the same losses again: the scores stay
        var f = s.endEpoch().importance();
        // numpy linear quantiles of the sorted scores: position q * (n - 1)
        assertThat(f.scoreMin()).isEqualTo(0.0);
        assertThat(f.scoreQ10()).isCloseTo(0.3 * Math.log(2), within(1e-6));
        assertThat(f.scoreQ50()).isCloseTo((Math.log(2) + Math.log(3)) / 2, within(1e-6));
        assertThat(f.scoreQ90()).isCloseTo(Math.log(3) + 0.7 * (Math.log(4) - Math.log(3)), within(1e-6));
        assertThat(f.scoreMax()).isCloseTo(Math.log(4), within(1e-6));
        assertThat(f.weightMax()).isCloseTo(2.5, within(1e-6)); // 10 / (4 * 1)
        // (sum w)^2 / sum w^2 = (2.5 * 25/12)^2 / (6.25 * 205/144) = 125/41
        assertThat(f.weightEss()).isCloseTo(125.0 / 41, within(1e-6));
    }

    @Test
    void drawWeightFigures_countEachDrawWithReplacement() {
        // one sample holds (almost) all the probability: every draw is it, weight 1/(N p) = 1/4 each, ESS = m
        double[] scores = {60, 0, 0, 0};
        IndexOnlySource src = new IndexOnlySource(4, i -> false);
        ImportanceSampler s = sampler(8, 0, 1, 6, true, ImportanceWeights.INVERSE_PROBABILITY, 0);
        trainEpoch(s, src, 0, identity(4), scores);
        trainEpoch(s, src, 1, identity(4), scores);
        var f = s.endEpoch().importance();
        assertThat(f.weightMax()).isCloseTo(0.25, within(1e-6));
        assertThat(f.weightEss()).as("six draws of equal weight").isCloseTo(6.0, within(1e-9));
        assertThat(f.scoreQ50()).isEqualTo(0.0);
        assertThat(f.scoreMax()).isEqualTo(60.0);
    }

    @Test
    void softmaxProbabilitiesAndWeights_matchSeed002Reference() {
        JsonNode ref = PytorchReference.section("importance_seed002");
        double[] scores = PytorchReference.doubles(ref.get("scores"));
        double[] softmax = PytorchReference.doubles(ref.get("softmax"));
        double[] weights = PytorchReference.doubles(ref.get("weights_1_over_N_p"));
        IndexOnlySource src = new IndexOnlySource(4, i -> false);
        ImportanceSampler s = sampler(4, 0, 1, null, false, ImportanceWeights.INVERSE_PROBABILITY, 0);
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
        ImportanceSampler s = sampler(1, 0, 0, 1, false, ImportanceWeights.INVERSE_PROBABILITY, 5);
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
                ImportanceWeights.INVERSE_PROBABILITY,
                new Random(1));
        List<int[]> steps = epoch(s, src, 0, identity(10));
        assertThat(steps).hasSize(1);
        assertThat(Arrays.stream(steps.get(0)).allMatch(i -> i % 2 == 0)).isTrue();
        assertThat(s.endEpoch().rawForwarded()).isEqualTo(6);
        assertThat(src.weights.get(0)).containsOnly(1.0f);
    }

    @Test
    void horvitzThompsonWeights_areOneWhenEverySampleIsDrawn() {
        double[] scores = {0, 4, 8, 1, 12};
        IndexOnlySource src = new IndexOnlySource(5, i -> false);
        ImportanceSampler s = sampler(5, 0, 1, null, false, 0);
        trainEpoch(s, src, 0, identity(5), scores);
        trainEpoch(s, src, 1, identity(5), scores);
        assertThat(src.weights).hasSize(1); // the warm-up epoch weighs nothing
        assertThat(src.weights.get(0)).containsOnly(1.0f); // the old weight of sample 2 was mean(e^S) / e^8, about 9
    }

    /** Toy problem: 6 samples with fixed scores and values; every epoch draws 3 of them. */
    private static final double[] TOY_SCORES = {0, 0.5, 1, 1.5, 2, 3};

    private static final double[] TOY_VALUES = {5, 1, 4, 2, 8, 3};

    /**
     * {@return the mean over {@code epochs} epochs of each epoch's weighted mean {@code (1/m) sum w_i y_i} of
     * the toy values, and the standard error of that mean}
     */
    private static double[] weightedEpochMeans(
            boolean replacement, ImportanceWeights weighting, int epochs, long seed) {
        IndexOnlySource src = new IndexOnlySource(6, i -> false);
        ImportanceSampler s = sampler(2, 0, 1, 3, replacement, weighting, seed);
        trainEpoch(s, src, 0, identity(6), TOY_SCORES); // warm-up: the scores become the last losses, and stay
        double sum = 0;
        double sumSq = 0;
        for (int e = 1; e <= epochs; e++) {
            src.weights.clear();
            List<int[]> steps = trainEpoch(s, src, e, identity(6), TOY_SCORES);
            double epochMean = 0;
            int drawn = 0;
            for (int b = 0; b < steps.size(); b++) {
                for (int j = 0; j < steps.get(b).length; j++) {
                    epochMean += src.weights.get(b)[j] * TOY_VALUES[steps.get(b)[j]];
                    drawn++;
                }
            }
            assertThat(drawn).isEqualTo(3);
            epochMean /= drawn;
            sum += epochMean;
            sumSq += epochMean * epochMean;
        }
        double mean = sum / epochs;
        double variance = (sumSq - epochs * mean * mean) / (epochs - 1);
        return new double[] {mean, Math.sqrt(variance / epochs)};
    }

    @Test
    void horvitzThompsonWeights_makeTheWeightedMeanUnbiased_withAndWithoutReplacement() {
        double plainMean = Arrays.stream(TOY_VALUES).average().orElseThrow(); // 23 / 6
        for (boolean replacement : new boolean[] {false, true}) {
            double[] m = weightedEpochMeans(replacement, ImportanceWeights.HORVITZ_THOMPSON, 20_000, 11);
            // the mean of 20,000 independent epochs: within 4 standard errors (a 1 in 15,000 miss if unbiased)
            assertThat(m[0])
                    .as("weighted epoch mean, replacement %s, standard error %.4f", replacement, m[1])
                    .isCloseTo(plainMean, within(4 * m[1]));
        }
    }

    @Test
    void inverseProbabilityWeightsWithoutReplacement_areBiased() {
        // exact inclusion probabilities of 3 successive draws from softmax(TOY_SCORES), over all ordered draws
        double z = Arrays.stream(TOY_SCORES).map(Math::exp).sum();
        double[] p = Arrays.stream(TOY_SCORES).map(v -> Math.exp(v) / z).toArray();
        double[] inclusion = new double[6];
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                for (int c = 0; c < 6; c++) {
                    if (a != b && b != c && a != c) {
                        double order = p[a] * p[b] / (1 - p[a]) * p[c] / (1 - p[a] - p[b]);
                        inclusion[a] += order;
                        inclusion[b] += order;
                        inclusion[c] += order;
                    }
                }
            }
        }
        // E[(1/m) sum_{i in Z} y_i / (N p_i)] = sum_i pi_i y_i / (m N p_i), about 5.395 against the plain 3.833
        double biased = 0;
        for (int i = 0; i < 6; i++) {
            biased += inclusion[i] * TOY_VALUES[i] / (3 * 6 * p[i]);
        }
        double plainMean = Arrays.stream(TOY_VALUES).average().orElseThrow();
        double[] m = weightedEpochMeans(false, ImportanceWeights.INVERSE_PROBABILITY, 20_000, 11);
        assertThat(m[0]).isCloseTo(biased, within(4 * m[1]));
        assertThat(Math.abs(m[0] - plainMean)).isGreaterThan(20 * m[1]);
    }

    @Test
    void savedStateMidEpochWithoutReplacement_keepsTheHorvitzThompsonWeights() {
        IndexOnlySource src = new IndexOnlySource(20, i -> false);
        double[] scores = new double[20];
        Arrays.setAll(scores, i -> (i * 7 % 11) / 3.0);
        ImportanceSampler a = sampler(3, 0, 1, 12, false, 5);
        trainEpoch(a, src, 0, identity(20), scores);
        a.startEpoch(1, identity(20), src);
        a.afterStep(a.nextStep(src), new float[] {1, 2, 3});
        StrategyState saved = a.saveState(src);
        src.weights.clear();
        List<int[]> expected = StrategyRuns.rest(a, src);
        List<float[]> expectedWeights = new ArrayList<>(src.weights);
        assertThat(expectedWeights).anySatisfy(w -> assertThat(w).doesNotContain(1.0f));

        ImportanceSampler b = sampler(3, 0, 1, 12, false, 99);
        b.restoreState(saved, src);
        src.weights.clear();
        assertThat(StrategyRuns.rest(b, src)).containsExactlyElementsOf(expected);
        assertThat(src.weights).containsExactlyElementsOf(expectedWeights);
    }
}
