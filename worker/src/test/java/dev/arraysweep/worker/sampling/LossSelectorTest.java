package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.CHI2_999;
import static dev.arraysweep.worker.sampling.StrategyRuns.assertBinomial;
import static dev.arraysweep.worker.sampling.StrategyRuns.chiSquare;
import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static dev.arraysweep.worker.sampling.StrategyRuns.identity;
import static dev.arraysweep.worker.sampling.StrategyRuns.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.SamplerFigures;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LossSelectorTest {
    private static float[] losses(double... values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    @Test
    void topK_alone_trainsOnTheKHighestLossesOfEachMiniBatch() {
        IndexOnlySource src = new IndexOnlySource(8, i -> false); // judged loss = index
        LossSelector s = new LossSelector(new Archetype(4), new Selector.TopK(2), new Random(0));
        List<int[]> steps = epoch(s, src, 0, new int[] {3, 7, 1, 6, 5, 0, 4, 2});
        assertThat(steps.get(0)).containsExactly(7, 6); // pool 3, 7, 1, 6: top two, in pool order
        assertThat(steps.get(1)).containsExactly(5, 4);
        SamplerFigures fig = s.endEpoch();
        assertThat(fig.rawForwarded()).isEqualTo(8);
        assertThat(fig.accepted()).isEqualTo(4);
        assertThat(fig.trained()).isEqualTo(4);
        assertThat(fig.steps()).isEqualTo(2);
        assertThat(fig.acceptanceRatio()).isEqualTo(0.5);
    }

    @Test
    void topK_afterBatchFilter_picksFromTheAccumulatedBatch() {
        IndexOnlySource src = new IndexOnlySource(24, i -> i % 2 == 1);
        BatchFilter filter = new BatchFilter(
                4, RawBatchSizer.fixed(8), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD);
        LossSelector s = new LossSelector(filter, new Selector.TopK(1), new Random(0));
        List<int[]> steps = epoch(s, src, 0, identity(24));
        assertThat(steps).containsExactly(new int[] {7}, new int[] {15}, new int[] {23});
        SamplerFigures fig = s.endEpoch();
        assertThat(fig.rawForwarded()).isEqualTo(24 + 12); // raw batches, then each pool of 4 once more
        assertThat(fig.accepted()).isEqualTo(3);
        assertThat(fig.trained()).isEqualTo(3);
        assertThat(fig.steps()).isEqualTo(3);
    }

    @Test
    void topK_afterBatchFilterKeepingLosses_reusesTheFiltersJudgement_insteadOfForwardingThePoolAgain() {
        IndexOnlySource src = new IndexOnlySource(24, i -> i % 2 == 1);
        BatchFilter filter = new BatchFilter(
                4, RawBatchSizer.fixed(8), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD, true);
        LossSelector s = new LossSelector(filter, new Selector.TopK(1), new Random(0));
        List<int[]> steps = epoch(s, src, 0, identity(24));
        assertThat(steps).containsExactly(new int[] {7}, new int[] {15}, new int[] {23}); // as when judged again
        assertThat(src.judged)
                .as("only the raw batches are forwarded")
                .containsExactly(range(0, 8), range(8, 16), range(16, 24));
        SamplerFigures fig = s.endEpoch();
        assertThat(fig.rawForwarded()).isEqualTo(24);
        assertThat(fig.accepted()).isEqualTo(3);
    }

    @Test
    void carriedSamples_wereJudgedBeforeTheLastStep_soTheirPoolIsJudgedAgain() {
        IndexOnlySource src = new IndexOnlySource(16, i -> true); // every sample accepted
        BatchFilter filter = new BatchFilter(
                4, RawBatchSizer.fixed(8), AcceptanceRule.misclassified(), BatchFilter.Overflow.CARRY, true);
        LossSelector s = new LossSelector(filter, new Selector.TopK(1), new Random(0));
        List<int[]> steps = epoch(s, src, 0, identity(16));
        assertThat(steps).containsExactly(new int[] {3}, new int[] {7}, new int[] {11}, new int[] {15});
        // raw 0-7 (step 0-3 reuses it), carried 4-7 judged again; raw 8-15, carried 12-15 judged again
        assertThat(src.judged).containsExactly(range(0, 8), range(4, 8), range(8, 16), range(12, 16));
        assertThat(s.endEpoch().rawForwarded()).isEqualTo(16 + 8);
    }

    @Test
    void keptLosses_ofSamplesWaitingAcrossAnEpoch_surviveACheckpoint() {
        int[] order = identity(9);
        // raw batches of 3, all accepted: step 0-3 (4 and 5 discarded), then 6, 7, 8 wait for the next epoch
        IndexOnlySource src = new IndexOnlySource(9, i -> true);
        LossSelector a = selectorAfterKeepingFilter();
        epoch(a, src, 0, order);
        StrategyState saved = a.saveState(src);
        IndexOnlySource fresh = new IndexOnlySource(9, i -> true);
        LossSelector b = selectorAfterKeepingFilter();
        b.restoreState(saved, fresh);

        List<int[]> straight = epoch(a, src, 1, order);
        List<int[]> resumed = epoch(b, fresh, 1, order);
        assertThat(resumed).containsExactlyElementsOf(straight);
        assertThat(resumed.get(0)).containsExactly(8); // pool 6, 7, 8, 0: top loss (= index) 8
        assertThat(fresh.judged)
                .as("the waiting samples' losses came with the checkpoint")
                .doesNotContain(new int[] {6, 7, 8, 0})
                .contains(new int[] {0, 1, 2});
    }

    private static LossSelector selectorAfterKeepingFilter() {
        return new LossSelector(
                new BatchFilter(
                        4, RawBatchSizer.fixed(3), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD, true),
                new Selector.TopK(1),
                new Random(0));
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    @Test
    void topK_keepsAllOfASmallerPool_andBreaksTiesByPosition() {
        assertThat(new Selector.TopK(5).select(losses(1, 2), null)).containsExactly(0, 1);
        assertThat(new Selector.TopK(2).select(losses(3, 5, 3, 3), null)).containsExactly(0, 1);
    }

    @Test
    void topQ_keepsTheSamplesAtOrAboveTheLossQuantile() {
        float[] pool = losses(0, 1, 2, 3, 4, 5, 6, 7, 8, 9); // numpy: quantile 0.5 = 4.5, 0.9 = 8.1
        assertThat(new Selector.TopQ(0.5).select(pool, null)).containsExactly(5, 6, 7, 8, 9);
        assertThat(new Selector.TopQ(0.9).select(pool, null)).containsExactly(9);
        assertThat(new Selector.TopQ(0.5).select(losses(2, 2, 2), null)).containsExactly(0, 1, 2);
    }

    @Test
    void lossWeighted_drawsInProportionToLossToThePower() {
        Selector s = new Selector.LossWeighted(1, 2.0);
        float[] pool = losses(1, 2, 3, 4);
        double[] p = {1 / 30.0, 4 / 30.0, 9 / 30.0, 16 / 30.0};
        long[] counts = new long[4];
        Random rng = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            counts[s.select(pool, rng)[0]]++;
        }
        assertThat(chiSquare(counts, p)).isLessThan(CHI2_999[3]);
        assertThat(chiSquare(counts, new double[] {.1, .2, .3, .4}))
                .as("loss^1 would be rejected")
                .isGreaterThan(CHI2_999[3]);
    }

    @Test
    void lossWeighted_drawsDistinctSamples_zeroLossOnlyWhenNeeded() {
        Random rng = new Random(1);
        for (int i = 0; i < 50; i++) {
            int[] picked = new Selector.LossWeighted(2, 2.0).select(losses(0, 0, 5, 0), rng);
            assertThat(picked).hasSize(2).contains(2).doesNotHaveDuplicates();
        }
        assertThat(new Selector.LossWeighted(9, 2.0).select(losses(1, 2, 3), rng))
                .containsExactly(0, 1, 2);
    }

    @Test
    void qSplit_takesEquallyManyFromBucketsOfEqualCumulativeLoss() {
        // cumulative loss 1..8, 18, 28 of total 28: bucket 0 = the eight 1s, bucket 1 = the two 10s
        float[] pool = losses(1, 1, 1, 1, 1, 1, 1, 1, 10, 10);
        Random rng = new Random(3);
        for (int i = 0; i < 20; i++) {
            int[] picked = new Selector.QSplit(4, 2, 1.0).select(pool, rng);
            assertThat(picked).hasSize(4).doesNotHaveDuplicates();
            assertThat(picked[2]).isEqualTo(8);
            assertThat(picked[3]).isEqualTo(9);
            assertThat(picked[1]).isLessThan(8);
        }
    }

    @Test
    void qSplit_aBucketSmallerThanItsShare_stillMakesItsPartOfTheStep() {
        // one sample of loss 30 holds over half of the cumulative loss: it is half of every selection
        float[] pool = losses(1, 1, 1, 1, 1, 1, 1, 1, 1, 30);
        int[] picked = new Selector.QSplit(4, 2, 1.0).select(pool, new Random(5));
        assertThat(picked).hasSize(4);
        assertThat(Arrays.stream(picked).filter(i -> i == 9).count()).isEqualTo(2);
    }

    @Test
    void qSplit_sharesGoToNonEmptyBuckets_theRemainderToTheHighestLosses() {
        // cumulative 1, 2, 1002, 2002 in 4 buckets of 500.5: buckets {0, 1}, (empty), {2}, {3}
        int[] picked = new Selector.QSplit(4, 4, 1.0).select(losses(1, 1, 1000, 1000), new Random(7));
        assertThat(picked).hasSize(4);
        assertThat(Arrays.copyOfRange(picked, 1, 4)).containsExactly(2, 3, 3);
        assertThat(picked[0]).isIn(0, 1);
    }

    @Test
    void qSplit_drawsItsShareUniformlyFromEachBucketOfEqualCumulativeLossToThePower() {
        // loss^2: eight 1s (cumulative 1..8) and two 4s (12, 16) of total 16: bucket 0 = the eight samples of
        // loss 1, bucket 1 = positions 2 and 7 (loss 2). k = 2: one from each, uniformly, so position 2 and 7
        // each in half the selections and each loss-1 sample in an eighth. (With loss^1 the buckets would be
        // six 1s and two 1s + two 2s.)
        float[] pool = losses(1, 1, 2, 1, 1, 1, 1, 2, 1, 1);
        Selector s = new Selector.QSplit(2, 2, 2.0);
        Random rng = new Random(17);
        int trials = 16_000;
        long[] counts = new long[pool.length];
        for (int t = 0; t < trials; t++) {
            int[] picked = s.select(pool, rng);
            assertThat(picked).hasSize(2).isSorted();
            assertThat(Arrays.stream(picked).filter(i -> i == 2 || i == 7).count())
                    .as(Arrays.toString(picked))
                    .isEqualTo(1);
            Arrays.stream(picked).forEach(i -> counts[i]++);
        }
        for (int i = 0; i < pool.length; i++) {
            assertBinomial("selections holding position " + i, counts[i], trials, pool[i] == 2 ? 1 / 2.0 : 1 / 8.0);
        }
    }

    @Test
    void qSplit_ofZeroLosses_isUniform() {
        // every one of the 6 pairs of 4 samples equally often
        Selector s = new Selector.QSplit(2, 2, 2.0);
        Random rng = new Random(9);
        long[][] byPair = new long[4][4];
        for (int t = 0; t < 6_000; t++) {
            int[] picked = s.select(losses(0, 0, 0, 0), rng);
            assertThat(picked).hasSize(2).doesNotHaveDuplicates().isSorted();
            byPair[picked[0]][picked[1]]++;
        }
        long[] pairs = LongStream.range(0, 16)
                .filter(c -> c / 4 < c % 4)
                .map(c -> byPair[(int) c / 4][(int) c % 4])
                .toArray();
        double[] uniform = new double[6];
        Arrays.fill(uniform, 1 / 6.0);
        assertThat(chiSquare(pairs, uniform)).as(Arrays.toString(pairs)).isLessThan(CHI2_999[5]);
    }

    @Test
    void savedStateMidEpoch_givesTheSameRandomSelections() {
        IndexOnlySource src = new IndexOnlySource(40, i -> false);
        LossSelector a = new LossSelector(new Archetype(8), new Selector.LossWeighted(3, 1.0), new Random(11));
        a.startEpoch(0, identity(40), src);
        a.nextStep(src);
        StrategyState saved = a.saveState(src);
        List<int[]> expected = rest(a, src);
        LossSelector b = new LossSelector(new Archetype(8), new Selector.LossWeighted(3, 1.0), new Random(99));
        b.restoreState(saved, src);
        assertThat(rest(b, src)).containsExactlyElementsOf(expected).hasSize(4);
        assertThat(b.endEpoch()).isEqualTo(a.endEpoch());
    }
}
