package dev.arraysweep.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.db.task.RunLock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvValuesTest {
    @Test
    void seconds_areRead_andUnsetOrBlankGivesTheFallback() {
        Duration fallback = Duration.ofSeconds(7);
        assertThat(EnvValues.seconds(Map.of("W", " 30 "), "W", fallback)).hasSeconds(30);
        assertThat(EnvValues.seconds(Map.of("W", "0"), "W", fallback)).isZero();
        assertThat(EnvValues.seconds(Map.of("W", " "), "W", fallback)).isEqualTo(fallback);
        assertThat(EnvValues.seconds(Map.of(), "W", fallback)).isEqualTo(fallback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "ten", "1.5"})
    void anythingElse_isBadInput_namingTheVariableAndTheValue(String value) {
        assertThatThrownBy(() -> EnvValues.seconds(Map.of("W", value), "W", Duration.ZERO))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("W must be a whole number of seconds (0 or more), not '" + value + "'");
    }

    @Test
    void theLockWaitAndTheStaleAge_readTheirVariablesThisWay() {
        assertThat(RunLock.waitFrom(Map.of(RunLock.WAIT_ENV, "3"))).hasSeconds(3);
        assertThat(TaskEnvironment.staleAfter(Map.of(TaskEnvironment.STALE_SECONDS_ENV, "90")))
                .hasSeconds(90);
        assertThatThrownBy(() -> TaskEnvironment.staleAfter(Map.of(TaskEnvironment.STALE_SECONDS_ENV, "-5")))
                .hasMessageContaining("ARRAYSWEEP_STALE_SECONDS must be a whole number of seconds");
    }
}
