package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.CHI2_999;
import static dev.arraysweep.worker.sampling.StrategyRuns.chiSquare;
import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static dev.arraysweep.worker.sampling.StrategyRuns.identity;
import static dev.arraysweep.worker.sampling.StrategyRuns.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.db.ExitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightedSamplerTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("weights.txt");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void consecutiveDraws_followTheWeightsAmongTheSamplesNotDrawnYet() throws IOException {
        // ordered pairs drawn from weights 5, 3, 2: P(0 then 1) = .5 * .3 / .5, P(1 then 0) = .3 * .5 / .7, ...
        IndexOnlySource src = new IndexOnlySource(3, i -> false);
        WeightedSampler s = new WeightedSampler(
                new Archetype(2), SampleWeights.fromFile(file("5\n3\n2\n"), null), 2, false, new Random(17));
        int[][] pairs = {{0, 1}, {0, 2}, {1, 0}, {1, 2}, {2, 0}, {2, 1}};
        double[] p = {.3, .2, .3 * .5 / .7, .3 * .2 / .7, .2 * .5 / .8, .2 * .3 / .8};
        long[] counts = new long[6];
        for (int e = 0; e < 20_000; e++) {
            int[] drawn = epoch(s, src, e, identity(3)).get(0);
            for (int k = 0; k < pairs.length; k++) {
                counts[k] += Arrays.equals(drawn, pairs[k]) ? 1 : 0;
            }
        }
        assertThat(Arrays.stream(counts).sum()).isEqualTo(20_000);
        assertThat(chiSquare(counts, p)).isLessThan(CHI2_999[5]);
    }

    @Test
    void anEpochOfN_usesEverySampleOnce_inMiniBatches() {
        IndexOnlySource src = new IndexOnlySource(10, i -> false).withLabels(i -> i % 3);
        WeightedSampler s = new WeightedSampler(
                new Archetype(4), SampleWeights.perClass(List.of(1.0, 2.0, 7.0)), null, false, new Random(2));
        List<int[]> steps = epoch(s, src, 0, identity(10));
        assertThat(steps).extracting(b -> b.length).containsExactly(4, 4, 2);
        assertThat(steps.stream().flatMapToInt(Arrays::stream).toArray()).containsExactlyInAnyOrder(identity(10));
        assertThat(s.endEpoch().trained()).isEqualTo(10);
        assertThat(src.weights).isEmpty(); // the sampling carries the weights, training is unweighted
    }

    @Test
    void classWeights_zeroWeightSamplesComeOnlyAfterThePositiveOnes() {
        IndexOnlySource src = new IndexOnlySource(10, i -> false).withLabels(i -> i % 2);
        WeightedSampler s = new WeightedSampler(
                new Archetype(5), SampleWeights.perClass(List.of(0.0, 1.0)), 5, false, new Random(4));
        for (int e = 0; e < 5; e++) {
            assertThat(epoch(s, src, e, identity(10)).get(0)).containsExactlyInAnyOrder(1, 3, 5, 7, 9);
        }
    }

    @Test
    void savedStateMidEpoch_givesTheSameNextDraws() throws IOException {
        IndexOnlySource src = new IndexOnlySource(20, i -> false);
        SampleWeights w =
                SampleWeights.fromFile(file("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"), null);
        WeightedSampler a = new WeightedSampler(new Archetype(3), w, 15, false, new Random(8));
        a.startEpoch(0, identity(20), src);
        a.nextStep(src);
        StrategyState saved = a.saveState(src);
        List<int[]> expected = rest(a, src);
        WeightedSampler b = new WeightedSampler(new Archetype(3), w, 15, false, new Random(1));
        b.restoreState(saved, src);
        assertThat(rest(b, src)).containsExactlyElementsOf(expected).hasSize(4);
        assertThat(epoch(b, src, 1, identity(20))).containsExactlyElementsOf(epoch(a, src, 1, identity(20)));
    }

    /**
     * Seed 003 as the answer describes it: every draw picks sample i with p_i = w_i / sum(w), with replacement,
     * so a sample of weight 1000 is trained about 1000 times as often as one of weight 1. 1.1 million draws
     * from weights 1, 1000, 10, 0, 89 (sum 1100): each count within four binomial standard deviations of
     * draws * p_i, the zero weight never drawn, and the ratio of the weight-1000 to the weight-1 count within
     * four standard deviations of 1000 (its relative sd is about sqrt(1/1000), 3.2%, from the smaller count).
     */
    @Test
    void withReplacement_trainsEachSampleAsOftenAsItsWeight() throws IOException {
        IndexOnlySource src = new IndexOnlySource(5, i -> false);
        double[] w = {1, 1000, 10, 0, 89};
        WeightedSampler s = new WeightedSampler(
                new Archetype(1000),
                SampleWeights.fromFile(file("1\n1000\n10\n0\n89\n"), null),
                110_000,
                true,
                new Random(5));
        long[] counts = new long[5];
        long draws = 0;
        for (int e = 0; e < 10; e++) {
            List<int[]> steps = epoch(s, src, e, identity(5));
            assertThat(steps).hasSize(110).allSatisfy(b -> assertThat(b).hasSize(1000));
            for (int[] step : steps) {
                for (int i : step) {
                    counts[i]++;
                    draws++;
                }
            }
            assertThat(s.endEpoch().trained()).isEqualTo(110_000);
        }
        assertThat(draws).isEqualTo(1_100_000);
        for (int i = 0; i < 5; i++) {
            StrategyRuns.assertBinomial("sample " + i + " of weight " + w[i], counts[i], draws, w[i] / 1100);
        }
        assertThat(counts[3]).as("weight 0").isZero();
        assertThat((double) counts[1] / counts[0]).isCloseTo(1000, within(4 * 1000 * Math.sqrt(1 / 1000.0)));
        assertThat(src.weights).isEmpty(); // training stays unweighted
    }

    /**
     * Each mini-batch is numpy's {@code choice(n, batch_size, p=p)}: its draws are independent, so an ordered
     * pair (i, j) comes with probability p_i p_j, repeats included.
     */
    @Test
    void withReplacement_drawsWithinABatchAreIndependent_repeatsIncluded() throws IOException {
        IndexOnlySource src = new IndexOnlySource(3, i -> false);
        double[] p = {.5, .3, .2};
        WeightedSampler s = new WeightedSampler(
                new Archetype(2), SampleWeights.fromFile(file("5\n3\n2\n"), null), 2, true, new Random(23));
        long[] counts = new long[9];
        double[] expected = new double[9];
        for (int e = 0; e < 20_000; e++) {
            int[] pair = epoch(s, src, e, identity(3)).get(0);
            counts[pair[0] * 3 + pair[1]]++;
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i * 3 + j] = p[i] * p[j];
            }
        }
        assertThat(counts[0] + counts[4] + counts[8])
                .as("batches holding one sample twice")
                .isPositive();
        assertThat(chiSquare(counts, expected)).isLessThan(CHI2_999[8]);
    }

    @Test
    void withReplacement_anEpochMayDrawMoreThanTheTrainingSet_butNeverAZeroWeight() {
        IndexOnlySource src = new IndexOnlySource(3, i -> false).withLabels(i -> i == 1 ? 1 : 0);
        WeightedSampler s = new WeightedSampler(
                new Archetype(4), SampleWeights.perClass(List.of(0.0, 1.0)), 10, true, new Random(3));
        List<int[]> steps = epoch(s, src, 0, identity(3));
        assertThat(steps).extracting(b -> b.length).containsExactly(4, 4, 2);
        assertThat(steps.stream().flatMapToInt(Arrays::stream)).containsOnly(1);
        WeightedSampler without = new WeightedSampler(
                new Archetype(4), SampleWeights.perClass(List.of(0.0, 1.0)), 10, false, new Random(3));
        assertThatThrownBy(() -> without.startEpoch(0, identity(3), src))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("lower samples_per_epoch or set replacement: true");
    }

    @Test
    void withReplacement_savedStateMidEpoch_givesTheSameNextDraws() {
        IndexOnlySource src = new IndexOnlySource(20, i -> false).withLabels(i -> i % 4);
        SampleWeights w = SampleWeights.perClass(List.of(1.0, 10.0, 100.0, 0.5));
        WeightedSampler a = new WeightedSampler(new Archetype(3), w, 30, true, new Random(8));
        a.startEpoch(0, identity(20), src);
        a.nextStep(src);
        a.nextStep(src);
        StrategyState saved = a.saveState(src);
        List<int[]> expected = rest(a, src);
        WeightedSampler b = new WeightedSampler(new Archetype(3), w, 30, true, new Random(1));
        b.restoreState(saved, src);
        assertThat(rest(b, src)).containsExactlyElementsOf(expected).hasSize(8);
        assertThat(epoch(b, src, 1, identity(20))).containsExactlyElementsOf(epoch(a, src, 1, identity(20)));
    }

    @Test
    void weightsFile_ofASubset_givesEachSampleTheLineOfItsDatasetPosition() throws IOException {
        IndexOnlySource src = new IndexOnlySource(3, i -> false);
        Path ten = file("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
        assertThat(SampleWeights.fromFile(ten, new int[] {2, 5, 9}).resolve(src))
                .containsExactly(3, 6, 10);
        assertThatThrownBy(
                        () -> SampleWeights.fromFile(ten, new int[] {2, 5, 10}).resolve(src))
                .isInstanceOf(ExitException.class)
                .hasMessage("weights_file " + ten + " has 10 weights; expected at least 11, one per sample of the"
                        + " dataset's training split in dataset order (the run trains on samples up to position 10)");
        Path zeros = file("1\n0\n0\n0\n");
        assertThatThrownBy(
                        () -> SampleWeights.fromFile(zeros, new int[] {1, 2, 3}).resolve(src))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("every one of the run's 3 training samples has weight 0");
    }

    @Test
    void weightsFile_notANumber_namesFileLineAndWhatWasExpected() throws IOException {
        Path f = file("1.5\n2\nabc\n");
        assertThatThrownBy(() -> SampleWeights.fromFile(f, null))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("\"abc\" is not a number")
                .hasMessageContaining("one weight (a number >= 0) per line")
                .satisfies(e -> assertThat(((ExitException) e).exitCode()).isEqualTo(ExitException.BAD_INPUT));
        Path negative = file("1\n-2\n");
        assertThatThrownBy(() -> SampleWeights.fromFile(negative, null))
                .hasMessageContaining("line 2")
                .hasMessageContaining("-2 is not a weight; expected a finite number >= 0");
        Path empty = file("\n");
        assertThatThrownBy(() -> SampleWeights.fromFile(empty, null)).hasMessageContaining("line 1");
    }

    @Test
    void weightsFile_countAndZeroAndMissing_areBadInput() throws IOException {
        IndexOnlySource src = new IndexOnlySource(4, i -> false);
        Path three = file("1\n2\n3\n");
        WeightedSampler s =
                new WeightedSampler(new Archetype(2), SampleWeights.fromFile(three, null), null, false, new Random(0));
        assertThatThrownBy(() -> s.startEpoch(0, identity(4), src))
                .isInstanceOf(ExitException.class)
                .hasMessage("weights_file " + three
                        + " has 3 weights; expected 4, one per training sample in dataset order");
        assertThat(SampleWeights.fromFile(file("1\n2\n3\n4\n5\n"), new int[] {0, 1, 2, 3})
                        .resolve(src))
                .containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> SampleWeights.fromFile(file("0\n0\n"), null))
                .hasMessageContaining("every weight is 0");
        assertThatThrownBy(() -> SampleWeights.fromFile(dir.resolve("nope.txt"), null))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("nope.txt does not exist; expected a file with one weight per training sample");
    }
}
