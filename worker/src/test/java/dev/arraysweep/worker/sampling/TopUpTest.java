package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.chiSquare;
import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static dev.arraysweep.worker.sampling.StrategyRuns.identity;
import static dev.arraysweep.worker.sampling.StrategyRuns.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.SamplerFigures;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code empty_fallback: top-up} (seed 004 l.1449-1457): short steps filled with random samples. */
class TopUpTest {
    private static EpochFilter epochFilter(int batch) {
        return new EpochFilter(new Archetype(batch), AcceptanceRule.misclassified(), true, 4);
    }

    @Test
    void aShortStep_isFilledWithTheSamplesTheFilterRejected_whenTheyAreExactlyWhatIsMissing() {
        // order 3, 1, 0, 2; samples 0 and 2 misclassified: the filter keeps 0, 2 and rejects 3, 1
        IndexOnlySource src = new IndexOnlySource(4, i -> i == 0 || i == 2);
        TopUp t = new TopUp(epochFilter(4), 4, new Random(1));
        List<int[]> steps = epoch(t, src, 0, new int[] {3, 1, 0, 2});
        assertThat(steps).hasSize(1);
        assertThat(Arrays.copyOf(steps.get(0), 2)).containsExactly(0, 2); // the accepted samples first
        assertThat(Arrays.copyOfRange(steps.get(0), 2, 4)).containsExactlyInAnyOrder(3, 1);
        assertThat(t.toppedUp()).isEqualTo(2);
        SamplerFigures fig = t.endEpoch();
        assertThat(fig.accepted()).isEqualTo(2);
        assertThat(fig.trained()).isEqualTo(4);
        assertThat(fig.steps()).isEqualTo(1);
    }

    @Test
    void onlyTheShortStep_isFilled_withDistinctSamplesNotInIt() {
        // 10 samples, misclassified 1, 5, 6, 8, 9: steps 1 5 6 8 (full) and 9 (short by 3)
        Set<Integer> wrong = Set.of(1, 5, 6, 8, 9);
        IndexOnlySource src = new IndexOnlySource(10, wrong::contains);
        TopUp t = new TopUp(epochFilter(4), 4, new Random(2));
        List<int[]> steps = epoch(t, src, 0, identity(10));
        assertThat(steps.get(0)).containsExactly(1, 5, 6, 8);
        assertThat(steps.get(1)).hasSize(4).doesNotHaveDuplicates().startsWith(9);
        assertThat(t.endEpoch().trained()).isEqualTo(8);
        assertThat(t.toppedUp()).isEqualTo(3);
    }

    @Test
    void theFillingSample_isUniformOverTheRest() {
        // only sample 9 is accepted; its step of 2 is filled with one of the other 9, each with 1/9
        IndexOnlySource src = new IndexOnlySource(10, i -> i == 9);
        TopUp t = new TopUp(epochFilter(2), 2, new Random(3));
        long[] counts = new long[9];
        for (int e = 0; e < 9000; e++) {
            int[] step = epoch(t, src, e, identity(10)).get(0);
            assertThat(step[0]).isEqualTo(9);
            counts[step[1]]++;
        }
        double[] p = new double[9];
        Arrays.fill(p, 1 / 9.0);
        assertThat(chiSquare(counts, p))
                .as("below the 0.999 quantile of chi-square, 8 df")
                .isLessThan(26.12);
    }

    @Test
    void afterASelectorWithK_aPoolSmallerThanK_isFilledToK() {
        IndexOnlySource src = new IndexOnlySource(6, i -> false); // judged loss = index
        TopUp t = new TopUp(new LossSelector(new Archetype(4), new Selector.TopK(3), new Random(0)), 3, new Random(4));
        List<int[]> steps = epoch(t, src, 0, identity(6));
        assertThat(steps.get(0)).containsExactly(1, 2, 3); // top 3 of pool 0-3
        assertThat(steps.get(1)).hasSize(3).startsWith(4, 5); // pool 4, 5 short of k = 3
        assertThat(steps.get(1)[2]).isBetween(0, 3);
    }

    @Test
    void anEpochWithoutSteps_fallsBackWholeThroughEmptyFallback() {
        IndexOnlySource src = new IndexOnlySource(6, i -> false);
        EmptyFallback f = new EmptyFallback(new TopUp(epochFilter(4), 3, new Random(5)), 3);
        assertThat(epoch(f, src, 0, new int[] {4, 2, 0, 5, 1, 3})).containsExactly(new int[] {4, 2, 0});
        assertThat(f.endEpoch().trained()).isEqualTo(3);
    }

    @Test
    void theSameSeed_fillsTheSame_andACheckpointMidEpochContinuesTheDraws() {
        // misclassified: the even samples; steps of 2 from a selector keeping the top 2 of pools of 3
        IndexOnlySource src = new IndexOnlySource(20, i -> i % 2 == 0);
        TopUp a = topUpOfShortPools(new Random(6));
        a.startEpoch(0, identity(20), src);
        int[] first = a.nextStep(src).indices();
        StrategyState saved = a.saveState(src);
        TopUp b = topUpOfShortPools(new Random(99));
        b.restoreState(saved, src);
        List<int[]> straight = rest(a, src);
        List<int[]> resumed = rest(b, src);
        assertThat(resumed).containsExactlyElementsOf(straight);
        assertThat(b.endEpoch()).isEqualTo(a.endEpoch());
        assertThat(b.toppedUp()).isEqualTo(a.toppedUp()).isPositive();

        TopUp c = topUpOfShortPools(new Random(6));
        List<int[]> again = epoch(c, src, 0, identity(20));
        assertThat(again.get(0)).containsExactly(first);
        assertThat(again.subList(1, again.size())).containsExactlyElementsOf(straight);
    }

    /** 10 kept samples in pools of 3 (the last of 1), each step the top 2: the last step is short by 1. */
    private static TopUp topUpOfShortPools(Random rng) {
        return new TopUp(new LossSelector(epochFilter(3), new Selector.TopK(2), new Random(0)), 2, rng);
    }
}
