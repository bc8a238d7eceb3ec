package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SbatchScriptTest {

    /** Source copy of the expected output; tests run with the module folder as working directory. */
    private static final Path GOLDEN =
            Path.of("src/test/resources/dev/arraysweep/orchestrator/slurm/worker.golden.sbatch");

    static SbatchSpec fullSpec() {
        SlurmSettings slurm = new SlurmSettings(
                "GPUQ",
                "gpu:V100:1",
                16,
                "32G",
                "2-00:00:00",
                4,
                300,
                "module load java/17\nexport JAVA_HOME=/opt/java17",
                null);
        ArrayChunk array = new ArrayChunk(1000, List.of(new IndexRange(1000, 1007), new IndexRange(1009, 1009)));
        return new SbatchSpec(
                "cifar10-batch-size",
                "cifar10-batch-size",
                slurm,
                array,
                new Workspace(Path.of("/scratch/as"), "jdbc:h2:/scratch/as/arraysweep;AUTO_SERVER=TRUE"),
                "/opt/arraysweep/bin/worker run --sweep cifar10-batch-size");
    }

    @Test
    void fullSpec_matchesGoldenFile() throws IOException {
        String rendered = SbatchScript.render(fullSpec());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, rendered, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);

        assertThat(rendered)
                .as(
                        "rendered sbatch script differs from %s. If the change is intended, accept it with:%n"
                                + "  mvn -o -q -pl orchestrator -am test -Dtest=SbatchScriptTest"
                                + " -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true%n"
                                + "then review and commit the file",
                        GOLDEN.toAbsolutePath())
                .isEqualTo(expected);
    }

    @Test
    void unsetValues_leaveNoDirective() {
        SbatchSpec spec = SbatchSpecTest.spec(SlurmSettings.defaults(), Path.of("/w"), "bin/worker run --sweep demo");

        assertThat(SbatchScript.directives(spec))
                .isEqualTo(String.join(
                        "\n",
                        "#SBATCH --array=0-3",
                        "#SBATCH --chdir=/w",
                        "#SBATCH --job-name=demo",
                        "#SBATCH --open-mode=append",
                        "#SBATCH --output=/w/runs/demo/logs/%A_%a.out",
                        "#SBATCH --requeue",
                        "#SBATCH --signal=B:USR1@120"));
    }

    @Test
    void valuesAreShellQuoted() {
        assertThat(SbatchScript.shellQuote("jdbc:h2:/w/it's")).isEqualTo("'jdbc:h2:/w/it'\\''s'");
    }

    @Test
    void unknownPlaceholder_named() {
        assertThatThrownBy(() -> SbatchScript.render(fullSpec(), "#!/bin/bash\n{{gpu_count}}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{gpu_count}}");
    }
}
