package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training longer (issue 16 item 2): raising {@code epochs} in the sweep file and expanding again extends the
 * finished runs in place, and they continue from their final state, so a run trained 2 epochs and extended to 4
 * has exactly the metrics of one trained 4 epochs straight (real training on Fashion-MNIST).
 */
class ExtendTest {
    private static final String SWEEP =
            """
            name: %s
            base:
              dataset: fashion-mnist
              model: fcnet32
              epochs: %d
              batch_size: 64
              learning_rate: 0.05
              lr_scheduler: exponential
              gamma: 0.9
              train_limit: 2000
              test_limit: 400
            grid:
              batch_filtering: [false, true]
            """;

    @TempDir
    Path dir;

    private static String curves(CliRunner cli, String sweep) {
        CliRunner.Result r = cli.run(
                "sql",
                "SELECT r.array_index, m.epoch, m.split, m.accuracy, m.mean_loss, m.worst_loss, m.trained"
                        + " FROM runs r JOIN epoch_metric m ON m.run_id = r.run_id WHERE r.sweep = '" + sweep + "'"
                        + " ORDER BY r.array_index, m.epoch, m.split",
                "--csv");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void raisingEpochs_continuesFinishedRuns_toTheMetricsOfAStraightRun() throws Exception {
        Require.fashionMnist();
        CliRunner cli = new CliRunner(dir.resolve("work"));
        Path ext = Files.writeString(dir.resolve("ext.yaml"), SWEEP.formatted("ext", 2));
        assertThat(cli.run("expand", ext.toString()).code()).isZero();
        CliRunner.Result first = cli.run("run-local", "ext", "--parallel", "2");
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        String twoEpochs = curves(cli, "ext");

        Files.writeString(ext, SWEEP.formatted("ext", 4));
        CliRunner.Result dry = cli.run("expand", ext.toString(), "--dry-run");
        assertThat(dry.out()).contains("2 extended runs (more epochs, continued from their final state)");
        CliRunner.Result extend = cli.run("expand", ext.toString());
        assertThat(extend.code()).as(extend.err()).isZero();
        assertThat(extend.out()).contains("0 new runs, 0 kept at their indices, 0 retired, 0 revived, 2 extended");
        assertThat(cli.run("sql", "SELECT array_index, state, epochs_done, epochs_total FROM runs", "--csv")
                        .out())
                .isEqualTo("array_index,state,epochs_done,epochs_total\n0,pending,2,4\n1,pending,2,4\n");
        CliRunner.Result second = cli.run("run-local", "ext", "--parallel", "2");
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("run 0 of ext: epoch 2 (3/4)").doesNotContain("epoch 0 (1/4)");

        Path straight = Files.writeString(dir.resolve("straight.yaml"), SWEEP.formatted("straight", 4));
        assertThat(cli.run("expand", straight.toString()).code()).isZero();
        CliRunner.Result once = cli.run("run-local", "straight", "--parallel", "2");
        assertThat(once.code()).as(once.out() + once.err()).isZero();

        String extended = curves(cli, "ext");
        assertThat(extended.lines().count()).isEqualTo(1 + 2 * 4 * 2);
        assertThat(extended)
                .as("the epochs trained before the extension are kept")
                .startsWith(twoEpochs.lines().limit(5).reduce("", (a, b) -> a + b + "\n"));
        assertThat(extended).isEqualTo(curves(cli, "straight"));
        assertThat(cli.run("sql", "SELECT DISTINCT state, epochs_done FROM runs", "--csv")
                        .out())
                .isEqualTo("state,epochs_done\ndone,4\n");
    }
}
