package dev.arraysweep.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The guard's decision: a missing requirement skips on a developer's machine and fails where CI requires all. */
class RequireTest {
    @Test
    void missingRequirement_skipsWithTheReason_whenNothingIsRequired() {
        assertThatThrownBy(() -> Require.that(false, "needs the moon", Map.of()))
                .isExactlyInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("needs the moon")
                .hasMessageContaining("ARRAYSWEEP_REQUIRE_ALL=1 makes this a failure");
    }

    @Test
    void missingRequirement_fails_underRequireAll() {
        assertThatThrownBy(() -> Require.that(false, "needs the moon", Map.of("ARRAYSWEEP_REQUIRE_ALL", "1")))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessage(
                        "needs the moon (ARRAYSWEEP_REQUIRE_ALL=1: a missing requirement fails instead of skipping)");
    }

    @Test
    void missingRequirement_fails_underTheOlderSlurmSwitch() {
        assertThatThrownBy(() -> Require.that(false, "needs Slurm", Map.of("ARRAYSWEEP_REQUIRE_SLURM", "1")))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("ARRAYSWEEP_REQUIRE_SLURM=1");
    }

    @Test
    void onlyTheValueOne_requires() {
        assertThatThrownBy(() -> Require.that(false, "needs the moon", Map.of("ARRAYSWEEP_REQUIRE_ALL", "0")))
                .isExactlyInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> Require.that(false, "needs the moon", Map.of("ARRAYSWEEP_REQUIRE_ALL", "")))
                .isExactlyInstanceOf(TestAbortedException.class);
    }

    @Test
    void metRequirement_passes_evenWhenEverythingIsRequired() {
        assertThatCode(() -> Require.that(true, "needs the moon", Map.of("ARRAYSWEEP_REQUIRE_ALL", "1")))
                .doesNotThrowAnyException();
    }
}
