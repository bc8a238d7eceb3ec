package dev.arraysweep.orchestrator.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.testkit.Require;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/arraysweep} as a user types it, on a tiny Fashion-MNIST sweep in a work directory of its own:
 * expand, run-local (whose workers start through {@code bin/worker}), status, sql and ingest.
 */
class BinArraysweepTest {
    /** Two runs of two epochs on 500 training images: seconds each, yet real data and real training. */
    static final String TINY =
            """
            name: tiny
            base:
              dataset: fashion-mnist
              model: fcnet16
              epochs: 2
              batch_size: 50
              learning_rate: 0.05
              train_limit: 500
              test_limit: 100
            grid:
              batch_filtering: [false, true]
            """;
    /** Every epoch metric row, keyed by the run's array index rather than its database id. */
    static final String METRIC_ROWS = "SELECT r.array_index, m.epoch, m.split, m.attempt, m.accuracy, m.mean_loss,"
            + " m.q90_loss, m.sample_count FROM epoch_metric m JOIN run r ON r.id = m.run_id ORDER BY 1, 2, 3";

    static final String RUN_ROWS = "SELECT array_index, state, attempt, epochs_done, final_epoch, test_accuracy,"
            + " test_q90_loss FROM run_results ORDER BY array_index";

    @TempDir
    static Path shared;

    static BinScripts bin;

    @TempDir
    Path dir;

    @BeforeAll
    static void dataAndJars() throws Exception {
        Require.fashionMnist();
        bin = BinScripts.built(shared.resolve("build"));
    }

    @Test
    void expandRunLocalStatusSql_trainATinySweep_asAUserTypesThem() throws Exception {
        Path sweep = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        String work = dir.resolve("work").toString();

        BinScripts.Result expand = bin.arraysweep(dir, "expand", sweep.toString(), "--workdir", work);
        assertThat(expand.code()).as(expand.describe()).isZero();
        assertThat(expand.out()).startsWith("sweep tiny: 2 runs (2 combinations, 0 excluded");
        assertThat(Path.of(work, "runs/tiny/tasks/0.json")).isRegularFile();
        assertThat(Path.of(work, "runs/tiny/tasks/1.json")).isRegularFile();

        BinScripts.Result run = bin.arraysweep(dir, "run-local", "tiny", "--parallel", "2", "--workdir", work);
        assertThat(run.code()).as(run.describe()).isZero();
        assertThat(run.out())
                .contains("running 2 runs of tiny, 2 at a time")
                .contains("finished run 0 of tiny: ok")
                .contains("finished run 1 of tiny: ok")
                .endsWith("2 of 2 runs finished ok\n");
        for (int i = 0; i < 2; i++) {
            String out = run.out();
            int first = out.indexOf("run " + i + " of tiny: epoch 0 (1/2) test acc ");
            int second = out.indexOf("run " + i + " of tiny: epoch 1 (2/2) test acc ");
            assertThat(first).as(out).isNotNegative();
            assertThat(second).as(out).isGreaterThan(first);
            assertThat(out.indexOf("finished run " + i + " of tiny")).isGreaterThan(second);
        }
        assertThat(Path.of(work, "runs/tiny/logs/local-1.out"))
                .content()
                .contains("epoch 1 (2/2)")
                .contains("run 1 of tiny done");

        BinScripts.Result status = bin.arraysweep(dir, "status", "--workdir", work);
        assertThat(status.code()).as(status.describe()).isZero();
        List<String> header = cells(status.out().lines().findFirst().orElseThrow());
        assertThat(header.subList(0, 10))
                .containsExactly(
                        "sweep",
                        "done",
                        "running",
                        "pending",
                        "failed",
                        "diverged",
                        "preempted",
                        "lost",
                        "retired",
                        "epochs");
        String row = status.out()
                .lines()
                .filter(l -> l.startsWith("tiny "))
                .findFirst()
                .orElseThrow();
        assertThat(cells(row).subList(0, 10)).containsExactly("tiny", "2", "0", "0", "0", "0", "0", "0", "0", "4/4");

        BinScripts.Result sql = bin.arraysweep(
                dir,
                "sql",
                "SELECT array_index, state, batch_filtering, attempt,"
                        + " epochs_done, final_epoch, test_accuracy FROM run_results ORDER BY array_index",
                "--csv",
                "--workdir",
                work);
        assertThat(sql.code()).as(sql.describe()).isZero();
        List<String> lines = sql.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("array_index,state,batch_filtering,attempt,epochs_done,final_epoch," + "test_accuracy");
        assertThat(lines.get(1)).startsWith("0,done,false,1,2,1,");
        assertThat(lines.get(2)).startsWith("1,done,true,1,2,1,");
        for (String line : lines.subList(1, 3)) {
            // ten classes: a model that learned nothing scores about 0.1
            assertThat(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)))
                    .isBetween(0.3, 1.0);
        }
        BinScripts.Result count =
                bin.arraysweep(dir, "sql", "SELECT COUNT(*) AS n FROM epoch_metric", "--csv", "--workdir", work);
        assertThat(count.out()).as(count.describe()).isEqualTo("n\n8\n"); // 2 runs x 2 epochs x train, test
    }

    /**
     * A second work directory gets the first one's journals with damage: a line that is not JSON and a torn line
     * in the middle of one, and the other cut off mid-line (a worker still writing, or killed mid-write).
     */
    @Test
    void ingest_countsUnreadableLines_loadsEveryCompleteEvent_andTakesACutLineOnceComplete() throws Exception {
        Path sweep = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        String trained = dir.resolve("trained").toString();
        assertThat(bin.arraysweep(dir, "expand", sweep.toString(), "--workdir", trained)
                        .code())
                .isZero();
        BinScripts.Result run = bin.arraysweep(dir, "run-local", "tiny", "--parallel", "2", "--workdir", trained);
        assertThat(run.code()).as(run.describe()).isZero();
        String copy = dir.resolve("copy").toString();
        assertThat(bin.arraysweep(dir, "expand", sweep.toString(), "--workdir", copy)
                        .code())
                .isZero();

        List<String> zero = Files.readAllLines(Path.of(trained, "runs/tiny/journal/0.jsonl"));
        List<String> one = Files.readAllLines(Path.of(trained, "runs/tiny/journal/1.jsonl"));
        assertThat(zero).hasSize(4); // claim, epoch 1, epoch 2, done
        assertThat(one).hasSize(4);
        assertThat(one.get(3)).startsWith("{\"type\":\"done\"");
        Path journals = Files.createDirectories(Path.of(copy, "runs/tiny/journal"));
        Files.writeString(
                journals.resolve("0.jsonl"),
                String.join(
                                "\n",
                                zero.get(0),
                                "not json at all",
                                zero.get(1),
                                zero.get(2),
                                zero.get(3).substring(0, 30),
                                zero.get(3))
                        + "\n");
        String done = one.get(3);
        int cut = done.length() / 2;
        Files.writeString(
                journals.resolve("1.jsonl"), String.join("\n", one.subList(0, 3)) + "\n" + done.substring(0, cut));

        BinScripts.Result first = bin.arraysweep(dir, "ingest", "--workdir", copy);
        assertThat(first.code()).as(first.describe()).isZero();
        assertThat(first.out())
                .isEqualTo("ingested 7 events (8 metric rows, 3 state changes) from 2 journals;"
                        + " 2 unreadable lines skipped\n");
        assertThat(sql(copy, METRIC_ROWS)).hasSize(9).isEqualTo(sql(trained, METRIC_ROWS));
        assertThat(sql(copy, "SELECT array_index, state, epochs_done FROM run ORDER BY array_index"))
                .containsExactly("array_index,state,epochs_done", "0,done,2", "1,running,2");

        Files.writeString(
                journals.resolve("1.jsonl"),
                done.substring(cut) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        BinScripts.Result second = bin.arraysweep(dir, "ingest", "--workdir", copy);
        assertThat(second.out())
                .as(second.describe())
                .isEqualTo("ingested 1 event (0 metric rows, 1 state change) from 2 journals\n");
        assertThat(sql(copy, RUN_ROWS)).hasSize(3).isEqualTo(sql(trained, RUN_ROWS));

        BinScripts.Result again = bin.arraysweep(dir, "ingest", "--workdir", copy);
        assertThat(again.out())
                .as(again.describe())
                .isEqualTo("ingested 0 events (0 metric rows, 0 state changes) from 2 journals\n");
    }

    /** {@return the CSV lines {@code bin/arraysweep sql QUERY --csv} prints for the work directory {@code work}} */
    private List<String> sql(String work, String query) throws Exception {
        BinScripts.Result r = bin.arraysweep(dir, "sql", query, "--csv", "--workdir", work);
        assertThat(r.code()).as(r.describe()).isZero();
        return r.out().lines().toList();
    }

    /** {@return the trimmed cells of one line of a {@code |}-separated table} */
    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }
}
