package dev.arraysweep.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagValuesTest {
    @Test
    void positiveWholeNumbers_areRead_andAnAbsentFlagGivesTheFallback() {
        assertThat(FlagValues.positiveInt("runs", "3", 7)).isEqualTo(3);
        assertThat(FlagValues.positiveInt("runs", " 12 ", 7)).isEqualTo(12);
        assertThat(FlagValues.positiveInt("runs", "100_000", 7)).isEqualTo(100_000);
        assertThat(FlagValues.positiveInt("runs", null, 7)).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "many", "1.5", ""})
    void anythingElse_isBadInput_namingTheFlagAndTheValue(String value) {
        assertThatThrownBy(() -> FlagValues.positiveInt("batch", value, 1))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("--batch expects a positive whole number, not '" + value + "'");
    }

    @Test
    void nonNegativeWholeNumbers_includeZero_andRefuseNegatives() {
        assertThat(FlagValues.nonNegativeInt("index", "0")).isZero();
        assertThat(FlagValues.nonNegativeInt("index", " 5")).isEqualTo(5);
        assertThatThrownBy(() -> FlagValues.nonNegativeInt("index", "-1"))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("--index expects a non-negative whole number, not '-1'");
    }

    @Test
    void atLeast_saysWhatTheFlagExpects() {
        assertThat(FlagValues.atLeast(0, "epoch", "2", "an epoch number >= 0")).isEqualTo(2);
        assertThatThrownBy(() -> FlagValues.atLeast(0, "epoch", "last", "an epoch number >= 0"))
                .hasMessage("--epoch expects an epoch number >= 0, not 'last'");
    }
}
