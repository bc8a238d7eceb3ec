package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on real data: expand a small Fashion-MNIST sweep, run it locally as worker processes,
 * read the results back with {@code arraysweep sql}.
 */
class EndToEndTest {
    @TempDir
    Path dir;

    @Test
    void expandRunLocalAndQuery_onFashionMnistSubset() throws Exception {
        Require.fashionMnist();
        Path sweep = dir.resolve("e2e.yaml");
        Files.writeString(
                sweep,
                """
                name: e2e
                base:
                  dataset: fashion-mnist
                  model: fcnet64
                  epochs: 2
                  batch_size: 64
                  learning_rate: 0.05
                  train_limit: 3000
                  test_limit: 500
                grid:
                  batch_filtering: [false, true]
                """);
        CliRunner cli = new CliRunner(dir.resolve("work"));
        CliRunner.Result expand = cli.run("expand", sweep.toString());
        assertThat(expand.code()).as(expand.err()).isZero();
        assertThat(expand.out()).contains("2 runs");

        CliRunner.Result run = cli.run("run-local", "e2e", "--parallel", "2");
        assertThat(run.code()).as(run.out() + run.err() + logs(cli)).isZero();
        assertThat(run.out()).contains("2 of 2 runs finished ok");

        CliRunner.Result sql = cli.run(
                "sql",
                "SELECT array_index, state, batch_filtering, final_epoch,"
                        + " test_accuracy, train_accuracy, test_q90_loss FROM run_results ORDER BY array_index",
                "--csv");
        assertThat(sql.code()).as(sql.err()).isZero();
        List<String> lines = sql.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("array_index,state,batch_filtering,final_epoch,test_accuracy,"
                        + "train_accuracy,test_q90_loss");
        assertThat(lines).hasSize(3);
        for (String row : lines.subList(1, 3)) {
            String[] f = row.split(",");
            assertThat(f[1]).isEqualTo("done");
            assertThat(f[3]).isEqualTo("1");
            assertThat(Double.parseDouble(f[4])).isBetween(0.6, 1.0);
        }
        assertThat(lines.get(1)).startsWith("0,done,false");
        assertThat(lines.get(2)).startsWith("1,done,true");

        CliRunner.Result rows = cli.run("sql", "SELECT COUNT(*) AS n FROM epoch_metric", "--json");
        assertThat(rows.out()).contains("\"n\": 8");

        CliRunner.Result status = cli.run("status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("e2e").contains("4/4");
    }

    private static String logs(CliRunner cli) throws Exception {
        Path logs = cli.workdir.resolve("runs/e2e/logs");
        if (!Files.isDirectory(logs)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try (var s = Files.list(logs)) {
            for (Path p : s.toList()) {
                sb.append("\n--- ").append(p).append('\n').append(Files.readString(p));
            }
        }
        return sb.toString();
    }
}
