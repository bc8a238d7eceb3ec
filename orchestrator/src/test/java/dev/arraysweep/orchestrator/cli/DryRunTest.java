package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code expand --dry-run} shows exactly what will run (issue 16 item 3). */
class DryRunTest {
    @TempDir
    Path dir;

    private CliRunner.Result dryRun(String yaml) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), yaml);
        CliRunner.Result r = new CliRunner(dir.resolve("work")).run("expand", f.toString(), "--dry-run");
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    @Test
    void aFileWithOnlyAName_showsEveryDefaultItWillRun() throws Exception {
        String out = dryRun("name: t5\n").out();
        assertThat(out)
                .containsPattern("(?m)^model +\\| resnet18 +\\| default$")
                .containsPattern("(?m)^dataset +\\| cifar10 +\\| default$")
                .containsPattern("(?m)^epochs +\\| +300 \\| default$")
                .containsPattern("(?m)^batch_size +\\| +1024 \\| default$")
                .containsPattern("(?m)^batch_filtering +\\| true +\\| default$");
    }

    @Test
    void aDroppedParameter_isNamedWithItsRule_andTheMergeIsCounted() throws Exception {
        String out = dryRun("name: s\nbase:\n  optimizer: adam\n  epochs: 2\ngrid:\n  momentum: [0.0, 0.9]\n")
                .out();
        assertThat(out)
                .contains("1 run (2 combinations, 0 excluded, 1 merged as equivalent)")
                .contains("momentum: applies only when optimizer = sgd; dropped in 2 of 2 combinations")
                .contains("merged: 1 combination equal to an earlier one once dropped parameters were removed")
                .containsPattern("(?m)^optimizer +\\| adam +\\| base$")
                .containsPattern("(?m)^epochs +\\| +2 \\| base$");
    }

    @Test
    void aVariedParameter_saysWhichAxisVariesIt() throws Exception {
        String out = dryRun("name: s\ngrid:\n  learning_rate: [0.1, 0.01]\nseeds: [0, 1]\n")
                .out();
        assertThat(out).containsPattern("(?m)^learning_rate +\\| +0\\.1 \\| varies \\(grid\\.learning_rate\\)$");
        assertThat(out).containsPattern("(?m)^seed +\\| +0 \\| varies \\(seeds\\)$");
    }
}
