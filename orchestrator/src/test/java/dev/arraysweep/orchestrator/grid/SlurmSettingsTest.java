package dev.arraysweep.orchestrator.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlurmSettingsTest {

    private static SlurmSettings withTime(String time) {
        return new SlurmSettings(null, null, null, null, time, null, 30, null, null);
    }

    @Test
    void timeLimit_understandsEverySlurmFormat() {
        assertThat(withTime("2-00:00:00").timeLimitSeconds()).hasValue(172_800);
        assertThat(withTime("2-12").timeLimitSeconds()).hasValue(216_000);
        assertThat(withTime("1-01:30").timeLimitSeconds()).hasValue(91_800);
        assertThat(withTime("30").timeLimitSeconds()).hasValue(1_800);
        assertThat(withTime("1:30").timeLimitSeconds()).hasValue(90);
        assertThat(withTime("01:00:00").timeLimitSeconds()).hasValue(3_600);
        assertThat(SlurmSettings.defaults().timeLimitSeconds()).isEmpty();
        assertThat(SlurmSettings.defaults().signalGrace()).isEqualTo(120);
    }

    @Test
    void invalidValue_namesKeyAndExpectation() {
        assertThatThrownBy(() -> withTime("2d"))
                .isInstanceOfSatisfying(SlurmSettings.InvalidSetting.class, e -> assertThat(e.key())
                        .isEqualTo("time"))
                .hasMessageStartingWith("time: \"2d\" is not allowed; expected a Slurm time limit");
        assertThatThrownBy(() -> new SlurmSettings(null, null, 0, null, null, null, 120, null, null))
                .hasMessage("cpus_per_task: 0 is not allowed; expected an integer >= 1.");
        assertThatThrownBy(() -> new SlurmSettings(null, null, null, "32GB", null, null, 120, null, null))
                .hasMessage("mem: \"32GB\" is not allowed; expected a size like 32G, 500M or 16000 (megabytes).");
        assertThatThrownBy(
                        () -> new SlurmSettings(null, null, null, null, null, null, 120, null, "jdbc:postgresql://x"))
                .hasMessageStartingWith("db_url: ");
    }
}
