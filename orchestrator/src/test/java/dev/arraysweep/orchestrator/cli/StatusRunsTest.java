package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.testkit.MetricRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status SWEEP} lists every run with its state, epochs, latest test metrics, time and first error line,
 * from what workers journaled; {@code --watch} refreshes until nothing is left to run, leaving the database free
 * between refreshes; without a database nothing is created (issue 16 items 4 and 5).
 */
class StatusRunsTest {
    @TempDir
    Path dir;

    private CliRunner cli;
    private Workspace ws;
    private final Map<Integer, Long> ids = new HashMap<>();

    private void expandThreeRuns() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(
                f, "name: s\nbase:\n  dataset: mnist\n  model: fcnet10\n  epochs: 4\ngrid:\n  seed: [0, 1, 2]\n");
        cli = new CliRunner(dir.resolve("work"));
        assertThat(cli.run("expand", f.toString()).code()).isZero();
        ws = new Workspace(dir.resolve("work"), Workspace.embeddedUrl(dir.resolve("work")));
        String csv =
                cli.run("sql", "SELECT array_index, run_id FROM runs", "--csv").out();
        csv.lines().skip(1).forEach(l -> ids.put(Integer.parseInt(l.split(",")[0]), Long.parseLong(l.split(",")[1])));
    }

    private void journal(int index, String type, int epochsDone, String detail) {
        long id = ids.get(index);
        try (Journal j = Journal.open(ws.journal("s", index))) {
            if (type.equals(JournalEvent.CLAIM)) {
                j.append(new JournalEvent(type, "s", index, id, 1, 0, 0, List.of(), null, "node", "9_" + index, "9"));
            } else if (type.equals(JournalEvent.EPOCH)) {
                int epoch = epochsDone - 1;
                j.append(new JournalEvent(
                        type,
                        "s",
                        index,
                        id,
                        1,
                        0,
                        epochsDone,
                        List.of(
                                MetricRows.row(id, 1, epoch, "train", 0.5),
                                MetricRows.row(id, 1, epoch, "test", 0.625)),
                        null));
            } else {
                j.append(new JournalEvent(type, "s", index, id, 1, 0, epochsDone, List.of(), detail));
            }
        }
    }

    @Test
    void namedSweep_listsEachRun_fromTheJournals() throws Exception {
        expandThreeRuns();
        journal(0, JournalEvent.CLAIM, 0, null);
        journal(0, JournalEvent.EPOCH, 1, null);
        journal(0, JournalEvent.EPOCH, 2, null);
        journal(1, JournalEvent.CLAIM, 0, null);
        journal(1, JournalEvent.EPOCH, 1, null);
        journal(1, JournalEvent.FAILED, 1, "CUDA out of memory while training\n\tat somewhere");

        CliRunner.Result r = cli.run("status", "s");

        assertThat(r.code()).as(r.err()).isZero();
        String runs = r.out().substring(r.out().indexOf("# "));
        assertThat(runs).contains("state").contains("test acc").contains("eta").contains("error");
        // run 0: 2 of 4 epochs at 1.5 s each: 3 s taken, 3 s left
        assertThat(runs)
                .containsPattern("(?m)^0 +\\| running +\\| 2/4 +\\| 0\\.6250 +\\| 0\\.3750 +\\| 0:00:03 \\| 0:00:03");
        assertThat(runs)
                .containsPattern(
                        "(?m)^1 +\\| failed +\\| 1/4 +\\| 0\\.6250 .*\\| CUDA out of memory while training *$");
        assertThat(runs).doesNotContain("at somewhere");
        assertThat(runs).containsPattern("(?m)^2 +\\| pending +\\| 0/4 +\\| - ");
    }

    @Test
    void divergedRun_isCountedListedWithItsErrorAndInTheRunsView() throws Exception {
        expandThreeRuns();
        journal(2, JournalEvent.CLAIM, 0, null);
        journal(2, JournalEvent.EPOCH, 1, null);
        String why = "training loss NaN at epoch 1 (2/4), step 17; the checkpoint after epoch 0 (1 done) stays in x";
        journal(2, JournalEvent.DIVERGED, 1, why);

        CliRunner.Result r = cli.run("status", "s");

        assertThat(r.code()).as(r.err()).isZero();
        String counts = r.out().substring(0, r.out().indexOf("# "));
        assertThat(counts).containsPattern("(?m)^sweep +\\| done +\\| running +\\| pending +\\| failed +\\| diverged ");
        assertThat(counts).containsPattern("(?m)^s +\\| +0 +\\| +0 +\\| +2 +\\| +0 +\\| +1 ");
        String runs = r.out().substring(r.out().indexOf("# "));
        assertThat(runs)
                .containsPattern(
                        "(?m)^2 +\\| diverged +\\| 1/4 +\\| 0\\.6250 .*\\| training loss NaN at epoch 1 \\(2/4\\), step 17; ");
        CliRunner.Result view = cli.run("sql", "SELECT state, error_text FROM runs WHERE array_index = 2", "--csv");
        assertThat(view.out()).contains("diverged").contains("training loss NaN at epoch 1 (2/4), step 17;");
    }

    @Test
    void watch_refreshesUntilNothingIsLeft_andLeavesTheDatabaseFreeBetweenRefreshes() throws Exception {
        expandThreeRuns();
        journal(0, JournalEvent.CLAIM, 0, null);
        journal(0, JournalEvent.EPOCH, 1, null);
        CompletableFuture<CliRunner.Result> watch =
                CompletableFuture.supplyAsync(() -> cli.run("status", "s", "--watch", "--every", "1"));
        Thread.sleep(1500);
        // another command gets the embedded database while the watch waits
        CliRunner.Result sql = cli.run("sql", "SELECT COUNT(*) FROM runs", "--csv");
        assertThat(sql.code()).as(sql.err()).isZero();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                journal(i, JournalEvent.CLAIM, 0, null);
            }
            for (int e = i == 0 ? 2 : 1; e <= 4; e++) {
                journal(i, JournalEvent.EPOCH, e, null);
            }
            journal(i, JournalEvent.DONE, 4, null);
        }
        CliRunner.Result r = watch.get(120, TimeUnit.SECONDS);

        assertThat(r.code()).as(r.err()).isZero();
        String[] frames = r.out().split("\u001b\\[H\u001b\\[2J");
        assertThat(frames.length - 1).as(r.out()).isGreaterThanOrEqualTo(2);
        assertThat(frames[1]).contains("status s at ").containsPattern("(?m)^0 +\\| running +\\| 1/4");
        String last = frames[frames.length - 1];
        assertThat(last).containsPattern("(?m)^2 +\\| done +\\| 4/4").contains("watch ends");
    }

    @Test
    void withoutADatabase_saysWhereItLooked_andCreatesNone() {
        CliRunner none = new CliRunner(dir.resolve("empty"));
        CliRunner.Result r = none.run("status");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("no results database in").contains("arraysweep expand");
        CliRunner.Result named = none.run("status", "demo");
        assertThat(named.code()).isEqualTo(2);
        assertThat(dir.resolve("empty/arraysweep.mv.db")).doesNotExist();
    }
}
