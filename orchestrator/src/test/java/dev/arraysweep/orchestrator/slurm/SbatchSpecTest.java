package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SbatchSpecTest {

    static SbatchSpec spec(SlurmSettings slurm, Path workDir, String command) {
        return new SbatchSpec(
                "demo", "demo", slurm, ArrayChunk.ofRange(0, 3), new Workspace(workDir, "jdbc:h2:/w/db"), command);
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
        assertThat(spec(SlurmSettings.defaults(), Path.of("/w"), "bin/worker run --note 'a;b|c'")
                        .workerCommand())
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
        assertThatThrownBy(() -> new SbatchSpec(
                        "My Sweep",
                        "demo",
                        SlurmSettings.defaults(),
                        ArrayChunk.ofRange(0, 0),
                        new Workspace(Path.of("/w"), null),
                        "bin/worker"))
                .isInstanceOf(ExitException.class)
                .hasMessage("sweep name 'My Sweep' must match [a-z0-9-]+");
    }
}
