package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SbatchSpecTest {

    static SbatchSpec spec(SlurmSettings slurm, Path workDir, String command) {
        return new SbatchSpec("demo", "demo", slurm, ArrayChunk.ofRange(0, 3), new Workspace(workDir, "jdbc:h2:/w/db"),
                command);
    }

    private static SlurmSettings settings(String mem, String time, int grace) {
        return new SlurmSettings("GPUQ", "gpu:V100:1", 4, mem, time, 2, grace, null, null);
    }

    @Test
    void badMem_namesValueAndExample() {
        assertThatThrownBy(() -> settings("32 GB", null, 60))
                .isInstanceOfSatisfying(ExitException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessage("slurm.mem='32 GB' is not a Slurm memory size such as 32G or 4000M");
    }

    @Test
    void badTime_namesValue() {
        assertThatThrownBy(() -> settings("4G", "two days", 60))
                .isInstanceOf(ExitException.class)
                .hasMessageStartingWith("slurm.time='two days' is not a Slurm time limit");
    }

    @Test
    void graceNotShorterThanTime_rejected() {
        assertThatThrownBy(() -> settings("4G", "2", 120))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("slurm.signal_grace=120 s is not shorter than slurm.time='2'");
    }

    @Test
    void timeFormats_parsedLikeSlurm() {
        assertThat(SlurmSettings.timeLimitSeconds("90")).isEqualTo(5400);
        assertThat(SlurmSettings.timeLimitSeconds("1:30")).isEqualTo(90);
        assertThat(SlurmSettings.timeLimitSeconds("12:00:00")).isEqualTo(43200);
        assertThat(SlurmSettings.timeLimitSeconds("2-00:00:00")).isEqualTo(172800);
        assertThat(SlurmSettings.timeLimitSeconds("1-6")).isEqualTo(108000);
        assertThat(SlurmSettings.timeLimitSeconds("UNLIMITED")).isEqualTo(-1);
    }

    @Test
    void blankOptionalValues_becomeUnset() {
        SlurmSettings s = new SlurmSettings(" ", "", 1, null, null, null, 60, "\n", " ");
        assertThat(s.partition()).isNull();
        assertThat(s.gres()).isNull();
        assertThat(s.setup()).isNull();
        assertThat(s.dbUrl()).isNull();
    }

    @Test
    void compoundWorkerCommand_rejectedBecauseSignalsWouldMissIt() {
        assertThatThrownBy(() -> spec(SlurmSettings.defaults(), Path.of("/w"), "cd /x; bin/worker run"))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("contains ';'")
                .hasMessageContaining("one program with arguments");
    }

    @Test
    void quotedSpecialCharacters_allowedInWorkerCommand() {
        assertThat(spec(SlurmSettings.defaults(), Path.of("/w"), "bin/worker run --note 'a;b|c'").workerCommand())
                .contains("'a;b|c'");
    }

    @Test
    void workDirWithSpace_rejected() {
        assertThatThrownBy(() -> spec(SlurmSettings.defaults(), Path.of("/my work"), "bin/worker"))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("work directory '/my work' contains a space");
    }

    @Test
    void badSweepName_rejected() {
        assertThatThrownBy(() -> new SbatchSpec("My Sweep", "demo", SlurmSettings.defaults(), ArrayChunk.ofRange(0, 0),
                new Workspace(Path.of("/w"), null), "bin/worker"))
                .isInstanceOf(ExitException.class)
                .hasMessage("sweep name 'My Sweep' must match [a-z0-9-]+");
    }
}
