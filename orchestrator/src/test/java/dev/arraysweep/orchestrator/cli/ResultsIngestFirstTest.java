package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.testkit.MetricRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that could not reach the database journals its epochs only; report and export load the journals
 * first, so its results are there without a manual `arraysweep ingest`.
 */
class ResultsIngestFirstTest {
    @TempDir
    Path work;

    @Test
    void epochsOnlyInTheJournal_appearInReportAndExport() throws Exception {
        Path sweep = work.resolve("j.yaml");
        Files.writeString(
                sweep,
                """
                name: j
                base:
                  dataset: mnist
                  model: fcnet100
                  epochs: 2
                  batch_size: 16
                  batch_filtering: false
                seeds: [0]
                """);
        CliRunner cli = new CliRunner(work.resolve("w"));
        assertThat(cli.run("expand", sweep.toString()).code()).isZero();
        Workspace ws = new Workspace(work.resolve("w"), Workspace.embeddedUrl(work.resolve("w")));
        Database db = Database.open(ws.dbUrl());
        Run run = db.runs().find("j", 0).orElseThrow();
        int attempt = db.runs()
                .claim(run.id(), "7_0", "7", "node", Duration.ofMinutes(5))
                .run()
                .attempt();
        try (Journal journal = Journal.open(ws.journal("j", 0))) { // the database "unreachable" from here on
            for (int epoch = 0; epoch < 2; epoch++) {
                journal.append(new JournalEvent(
                        JournalEvent.EPOCH,
                        "j",
                        0,
                        run.id(),
                        attempt,
                        0,
                        epoch + 1,
                        List.of(
                                MetricRows.row(run.id(), attempt, epoch, "train", 0.5),
                                MetricRows.row(run.id(), attempt, epoch, "test", 0.625)),
                        null));
            }
            journal.append(new JournalEvent(JournalEvent.DONE, "j", 0, run.id(), attempt, 0, 2, List.of(), null));
        }
        assertThat(db.metrics().forRun(run.id())).isEmpty();

        CliRunner.Result report = cli.run("report", "j", "--format", "csv");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.err()).contains("ingested 4 metric rows and 1 state change from 1 journal first");
        assertThat(report.out()).contains("0.625");
        assertThat(db.runs().byId(run.id()).orElseThrow().state()).isEqualTo(RunState.DONE);

        CliRunner.Result export =
                cli.run("export", "j", "--csv", work.resolve("csv").toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.err()).as("nothing new the second time").doesNotContain("ingested");
        assertThat(Files.readString(work.resolve("csv").resolve("curves.csv"))).contains("0.625");
    }
}
