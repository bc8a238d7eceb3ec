package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.assertBinomial;
import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static dev.arraysweep.worker.sampling.StrategyRuns.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A power lowered over training (seed 004 l.1405): known powers per epoch, and flatter selections. */
class PowerScheduleTest {
    @Test
    void linear_goesInEqualStepsFromTheFirstToTheLastEpoch() {
        PowerSchedule s = new PowerSchedule(PowerSchedule.Decay.LINEAR, 2.0, 0.5, 4);
        assertThat(s.at(0)).isEqualTo(2.0);
        assertThat(s.at(1)).isCloseTo(1.5, within(1e-12));
        assertThat(s.at(2)).isCloseTo(1.0, within(1e-12));
        assertThat(s.at(3)).isEqualTo(0.5);
        assertThat(s.at(9)).as("past the last epoch").isEqualTo(0.5);
    }

    @Test
    void exponential_multipliesByTheSameFactorEachEpoch() {
        PowerSchedule s = new PowerSchedule(PowerSchedule.Decay.EXPONENTIAL, 2.0, 0.5, 4);
        // factor (0.5 / 2)^(1/3) = 2^(-2/3): 2, 2^(1/3), 2^(-1/3), 1/2
        assertThat(s.at(0)).isEqualTo(2.0);
        assertThat(s.at(1)).isCloseTo(Math.cbrt(2), within(1e-12));
        assertThat(s.at(2)).isCloseTo(1 / Math.cbrt(2), within(1e-12));
        assertThat(s.at(3)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void noDecay_orASingleEpoch_keepsTheFirstPower() {
        assertThat(new PowerSchedule(PowerSchedule.Decay.NONE, 2.0, 0.5, 4).at(3))
                .isEqualTo(2.0);
        assertThat(new PowerSchedule(PowerSchedule.Decay.LINEAR, 2.0, 0.5, 1).at(0))
                .isEqualTo(2.0);
    }

    /** Pools of losses 1, 2, 3, 4 (IndexOnlySource: loss = index), {@code pools} of them per epoch. */
    private static int[] repeatedPools(int pools) {
        int[] order = new int[4 * pools];
        for (int i = 0; i < order.length; i++) {
            order[i] = 1 + i % 4;
        }
        return order;
    }

    private static LossSelector decaying(Random rng) {
        return new LossSelector(
                new Archetype(4),
                new PowerSchedule(PowerSchedule.Decay.LINEAR, 2.0, 0.5, 4),
                power -> new Selector.LossWeighted(1, power),
                rng);
    }

    @Test
    void lossWeighted_selectsLessSharplyAsThePowerDecays() {
        IndexOnlySource src = new IndexOnlySource(5, i -> false);
        LossSelector s = decaying(new Random(3));
        int pools = 6000;
        long[][] counts = new long[4][5];
        for (int e = 0; e < 4; e++) {
            for (int[] step : epoch(s, src, e, repeatedPools(pools))) {
                counts[e][step[0]]++;
            }
        }
        // epoch 0, power 2: loss 4 with 16/30, loss 1 with 1/30
        assertBinomial("epoch 0, loss 4", counts[0][4], pools, 16 / 30.0);
        assertBinomial("epoch 0, loss 1", counts[0][1], pools, 1 / 30.0);
        // epoch 2, power 1: loss / 10
        assertBinomial("epoch 2, loss 4", counts[2][4], pools, 0.4);
        // epoch 3, power 0.5: sqrt(loss) / (1 + sqrt 2 + sqrt 3 + 2)
        double z = 1 + Math.sqrt(2) + Math.sqrt(3) + 2;
        assertBinomial("epoch 3, loss 4", counts[3][4], pools, 2 / z);
        assertBinomial("epoch 3, loss 1", counts[3][1], pools, 1 / z);
        assertThat(counts[3][4]).isLessThan(counts[0][4]);
        assertThat(counts[3][1]).isGreaterThan(counts[0][1]);
    }

    @Test
    void aRunResumedMidEpoch_selectsWithThatEpochsPower() {
        IndexOnlySource src = new IndexOnlySource(5, i -> false);
        int[] order = repeatedPools(50);
        LossSelector a = decaying(new Random(9));
        a.startEpoch(3, order, src);
        for (int i = 0; i < 20; i++) {
            a.nextStep(src);
        }
        StrategyState saved = a.saveState(src);
        LossSelector b = decaying(new Random(9)); // a fresh one, at epoch 0's power
        assertThat(b.selector()).isEqualTo(new Selector.LossWeighted(1, 2.0));
        b.restoreState(saved, src);
        assertThat(b.selector()).isEqualTo(new Selector.LossWeighted(1, 0.5));
        List<int[]> straight = rest(a, src);
        List<int[]> resumed = rest(b, src);
        assertThat(resumed).hasSize(30).containsExactlyElementsOf(straight);
        assertThat(b.endEpoch()).isEqualTo(a.endEpoch());
    }
}
