package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.CHI2_999;
import static dev.arraysweep.worker.sampling.StrategyRuns.assertBinomial;
import static dev.arraysweep.worker.sampling.StrategyRuns.chiSquare;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The thesis' sorted-loss density (seed 004 l.1342-1350): known answers on a pool of four. */
class RankWeightedTest {
    /** Losses 0.5, 3, 0.1, 2: ascending ranks 2, 4, 1, 3. */
    private static final float[] POOL = {0.5f, 3f, 0.1f, 2f};

    @Test
    void linearInRank_givesEachSampleItsRankOverTheSumOfRanks() {
        // 2/10, 4/10, 1/10, 3/10
        assertThat(RankDensity.probabilities(POOL, 1.0))
                .containsExactly(new double[] {0.2, 0.4, 0.1, 0.3}, within(1e-12));
        // rank^2: 4, 16, 1, 9 over 30
        assertThat(RankDensity.probabilities(POOL, 2.0))
                .containsExactly(new double[] {4 / 30.0, 16 / 30.0, 1 / 30.0, 9 / 30.0}, within(1e-12));
    }

    @Test
    void onlyTheOrderOfTheLossesMatters_andTiesShareTheirMeanRank() {
        assertThat(RankDensity.probabilities(new float[] {5f, 300f, 1f, 20f}, 1.0))
                .containsExactly(new double[] {0.2, 0.4, 0.1, 0.3}, within(1e-12));
        // 1, 1, 2, 3: ranks 1.5, 1.5, 3, 4 of a sum of 10
        assertThat(RankDensity.ranks(new float[] {1f, 1f, 2f, 3f})).containsExactly(1.5, 1.5, 3, 4);
        assertThat(RankDensity.probabilities(new float[] {1f, 1f, 2f, 3f}, 1.0))
                .containsExactly(new double[] {0.15, 0.15, 0.3, 0.4}, within(1e-12));
    }

    @Test
    void oneDraw_picksEachSampleAsOftenAsItsDensitySays() {
        Selector s = new Selector.RankWeighted(1, 1.0);
        double[] p = {0.2, 0.4, 0.1, 0.3};
        long[] counts = new long[4];
        Random rng = new Random(42);
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            counts[s.select(POOL, rng)[0]]++;
        }
        for (int i = 0; i < 4; i++) {
            assertBinomial("sample " + i, counts[i], draws, p[i]);
        }
        assertThat(chiSquare(counts, p)).isLessThan(CHI2_999[3]);
        assertThat(chiSquare(counts, new double[] {0.1, 0.6, 0.0001, 0.2999}))
                .as("loss-proportional weights (0.5, 3, 0.1, 2 of 5.6) would be rejected")
                .isGreaterThan(CHI2_999[3]);
    }

    @Test
    void twoDraws_withoutReplacement_includeEachSampleAsComputedByHand() {
        // P(i among 2) = p_i + sum over j != i of p_j * p_i / (1 - p_j)
        double[] included = {
            0.2 + 0.4 * 0.2 / 0.6 + 0.1 * 0.2 / 0.9 + 0.3 * 0.2 / 0.7,
            0.4 + 0.2 * 0.4 / 0.8 + 0.1 * 0.4 / 0.9 + 0.3 * 0.4 / 0.7,
            0.1 + 0.2 * 0.1 / 0.8 + 0.4 * 0.1 / 0.6 + 0.3 * 0.1 / 0.7,
            0.3 + 0.2 * 0.3 / 0.8 + 0.4 * 0.3 / 0.6 + 0.1 * 0.3 / 0.9
        };
        assertThat(included[0] + included[1] + included[2] + included[3]).isCloseTo(2.0, within(1e-12));
        Selector s = new Selector.RankWeighted(2, 1.0);
        long[] counts = new long[4];
        Random rng = new Random(7);
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            int[] picked = s.select(POOL, rng);
            assertThat(picked).hasSize(2).doesNotHaveDuplicates();
            for (int j : picked) {
                counts[j]++;
            }
        }
        for (int i = 0; i < 4; i++) {
            assertBinomial("sample " + i, counts[i], draws, included[i]);
        }
    }

    @Test
    void aPoolSmallerThanK_isKeptWhole() {
        assertThat(new Selector.RankWeighted(8, 1.0).select(POOL, new Random(1)))
                .containsExactly(0, 1, 2, 3);
    }
}
