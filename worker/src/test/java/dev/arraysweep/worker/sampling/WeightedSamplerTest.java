package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.CHI2_999;
import static dev.arraysweep.worker.sampling.StrategyRuns.chiSquare;
import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static dev.arraysweep.worker.sampling.StrategyRuns.identity;
import static dev.arraysweep.worker.sampling.StrategyRuns.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                new Archetype(2), SampleWeights.fromFile(file("5\n3\n2\n"), false), 2, new Random(17));
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
                new Archetype(4), SampleWeights.perClass(List.of(1.0, 2.0, 7.0)), null, new Random(2));
        List<int[]> steps = epoch(s, src, 0, identity(10));
        assertThat(steps).extracting(b -> b.length).containsExactly(4, 4, 2);
        assertThat(steps.stream().flatMapToInt(Arrays::stream).toArray()).containsExactlyInAnyOrder(identity(10));
        assertThat(s.endEpoch().trained()).isEqualTo(10);
        assertThat(src.weights).isEmpty(); // the sampling carries the weights, training is unweighted
    }

    @Test
    void classWeights_zeroWeightSamplesComeOnlyAfterThePositiveOnes() {
        IndexOnlySource src = new IndexOnlySource(10, i -> false).withLabels(i -> i % 2);
        WeightedSampler s =
                new WeightedSampler(new Archetype(5), SampleWeights.perClass(List.of(0.0, 1.0)), 5, new Random(4));
        for (int e = 0; e < 5; e++) {
            assertThat(epoch(s, src, e, identity(10)).get(0)).containsExactlyInAnyOrder(1, 3, 5, 7, 9);
        }
    }

    @Test
    void savedStateMidEpoch_givesTheSameNextDraws() throws IOException {
        IndexOnlySource src = new IndexOnlySource(20, i -> false);
        SampleWeights w =
                SampleWeights.fromFile(file("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"), false);
        WeightedSampler a = new WeightedSampler(new Archetype(3), w, 15, new Random(8));
        a.startEpoch(0, identity(20), src);
        a.nextStep(src);
        StrategyState saved = a.saveState(src);
        List<int[]> expected = rest(a, src);
        WeightedSampler b = new WeightedSampler(new Archetype(3), w, 15, new Random(1));
        b.restoreState(saved, src);
        assertThat(rest(b, src)).containsExactlyElementsOf(expected).hasSize(4);
        assertThat(epoch(b, src, 1, identity(20))).containsExactlyElementsOf(epoch(a, src, 1, identity(20)));
    }

    @Test
    void weightsFile_notANumber_namesFileLineAndWhatWasExpected() throws IOException {
        Path f = file("1.5\n2\nabc\n");
        assertThatThrownBy(() -> SampleWeights.fromFile(f, false))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("\"abc\" is not a number")
                .hasMessageContaining("one weight (a number >= 0) per line")
                .satisfies(e -> assertThat(((ExitException) e).exitCode()).isEqualTo(ExitException.BAD_INPUT));
        Path negative = file("1\n-2\n");
        assertThatThrownBy(() -> SampleWeights.fromFile(negative, false))
                .hasMessageContaining("line 2")
                .hasMessageContaining("-2 is not a weight; expected a finite number >= 0");
        Path empty = file("\n");
        assertThatThrownBy(() -> SampleWeights.fromFile(empty, false)).hasMessageContaining("line 1");
    }

    @Test
    void weightsFile_countAndZeroAndMissing_areBadInput() throws IOException {
        IndexOnlySource src = new IndexOnlySource(4, i -> false);
        Path three = file("1\n2\n3\n");
        WeightedSampler s =
                new WeightedSampler(new Archetype(2), SampleWeights.fromFile(three, false), null, new Random(0));
        assertThatThrownBy(() -> s.startEpoch(0, identity(4), src))
                .isInstanceOf(ExitException.class)
                .hasMessage("weights_file " + three
                        + " has 3 weights; expected 4, one per training sample in dataset order");
        assertThat(SampleWeights.fromFile(file("1\n2\n3\n4\n5\n"), true).resolve(src))
                .containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> SampleWeights.fromFile(file("0\n0\n"), false))
                .hasMessageContaining("every weight is 0");
        assertThatThrownBy(() -> SampleWeights.fromFile(dir.resolve("nope.txt"), false))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("nope.txt does not exist; expected a file with one weight per training sample");
    }
}
