package dev.arraysweep.worker.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arraysweep.worker.testing.PytorchReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learning rates per epoch against torch.optim.lr_scheduler. */
class LrScheduleTest {

    private static final JsonNode SCHEDULERS = PytorchReference.section("schedulers");

    @Test
    void exponential_matchesExponentialLr() {
        assertRates(LrSchedule.exponential(0.1, 0.995), 0, "exponential_gamma_0.995");
    }

    @Test
    void multistep_matchesMultiStepLr() {
        assertRates(LrSchedule.multistep(0.1, List.of(2, 4), 0.1), 0, "multistep_milestones_2_4_gamma_0.1");
    }

    @Test
    void multistep_rateInTheMilestoneEpochIsAlreadyReduced() {
        LrSchedule schedule = LrSchedule.multistep(0.1, List.of(150), 0.1);
        assertRates(schedule, 148, "multistep_milestones_150_gamma_0.1_epochs_148_to_152");
        assertThat(schedule.rateAt(149)).isEqualTo(0.1);
        assertThat(schedule.rateAt(150)).isEqualTo(0.1 * 0.1);
    }

    @Test
    void none_isConstant() {
        assertThat(LrSchedule.none(0.05).rateAt(0)).isEqualTo(0.05);
        assertThat(LrSchedule.none(0.05).rateAt(300)).isEqualTo(0.05);
    }

    @Test
    void badValues_areNamedInTheMessage() {
        assertThatThrownBy(() -> LrSchedule.multistep(0.1, List.of(0, 5), 0.1))
                .hasMessageContaining("milestones must be epochs >= 1, got 0");
        assertThatThrownBy(() -> LrSchedule.exponential(0.1, 0))
                .hasMessageContaining("gamma must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> LrSchedule.none(0.1).rateAt(-1)).hasMessageContaining("epoch must be >= 0, got -1");
    }

    private static void assertRates(LrSchedule schedule, int firstEpoch, String key) {
        double[] expected = PytorchReference.doubles(
                SCHEDULERS.get("lr_used_in_epoch_0_to_n").get(key));
        for (int i = 0; i < expected.length; i++) {
            assertThat(schedule.rateAt(firstEpoch + i))
                    .as("%s epoch %d", key, firstEpoch + i)
                    .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-15));
        }
    }
}
