package dev.arraysweep.db.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskEnvironmentTest {

    @Test
    void arrayTask_runIndexAddsOffset() {
        TaskEnvironment env = TaskEnvironment.fromEnv(Map.of(
                "SLURM_ARRAY_TASK_ID",
                "7",
                "ARRAYSWEEP_INDEX_OFFSET",
                "2000",
                "SLURM_ARRAY_JOB_ID",
                "4711",
                "SLURM_JOB_ID",
                "4719",
                "SLURMD_NODENAME",
                "gpu03",
                "SLURM_RESTART_COUNT",
                "1"));

        assertThat(env.runIndex()).isEqualTo(2007);
        assertThat(env.restartCount()).isEqualTo(1);
        assertThat(env.nodeName()).contains("gpu03");
        assertThat(env.jobId()).contains("4719");
        assertThat(env.slurmTaskName()).contains("4711_7");
    }

    @Test
    void onlyTaskId_defaultsTheRest() {
        TaskEnvironment env = TaskEnvironment.fromEnv(Map.of("SLURM_ARRAY_TASK_ID", "3"));

        assertThat(env.runIndex()).isEqualTo(3);
        assertThat(env.restartCount()).isZero();
        assertThat(env.arrayJobId()).isEmpty();
        assertThat(env.slurmTaskName()).isEmpty();
    }

    @Test
    void missingTaskId_saysHowToChooseTheRun() {
        assertThatThrownBy(() -> TaskEnvironment.fromEnv(Map.of("SLURM_JOB_ID", "12")))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessageContaining("SLURM_ARRAY_TASK_ID is not set")
                .hasMessageContaining("--index N")
                .hasMessageContaining("sbatch --array");
    }

    @Test
    void notANumber_namesVariableAndValue() {
        assertThatThrownBy(() ->
                        TaskEnvironment.fromEnv(Map.of("SLURM_ARRAY_TASK_ID", "1", "ARRAYSWEEP_INDEX_OFFSET", "ten")))
                .isInstanceOf(ExitException.class)
                .hasMessage("ARRAYSWEEP_INDEX_OFFSET='ten' is not a whole number");
    }

    @Test
    void explicitIndex_ignoresOffsetButKeepsJobIds() {
        TaskEnvironment env =
                TaskEnvironment.forIndex(12, Map.of("ARRAYSWEEP_INDEX_OFFSET", "1000", "SLURM_JOB_ID", "88"));

        assertThat(env.runIndex()).isEqualTo(12);
        assertThat(env.slurmTaskName()).isEqualTo(Optional.of("88"));
    }
}
