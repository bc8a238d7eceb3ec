package dev.arraysweep.db.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalIngestBatchTest {
    @TempDir
    Path dir;

    private Database db;
    private Path runs;

    @BeforeEach
    void setUp() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE");
        db.runs().storeExpansion("s", null, null, "t", null, List.of(run("a"), run("b"), run("c")));
        runs = dir.resolve("runs");
    }

    private static NewRun run(String hash) {
        return new NewRun(hash, "{\"h\":\"" + hash + "\"}", 5, Map.of("epochs", 5, "seed", 1));
    }

    private Path journal(String sweep, int index) {
        return runs.resolve(sweep).resolve("journal").resolve(index + ".jsonl");
    }

    private void epochs(String sweep, int index, int from, int to) {
        try (Journal j = Journal.open(journal(sweep, index))) {
            for (int e = from; e < to; e++) {
                j.append(new JournalEvent(
                        JournalEvent.EPOCH,
                        sweep,
                        index,
                        0,
                        1,
                        e,
                        e + 1,
                        List.of(metrics(e, "train"), metrics(e, "test")),
                        null));
            }
        }
    }

    private void done(String sweep, int index, int epochsDone) {
        try (Journal j = Journal.open(journal(sweep, index))) {
            j.append(new JournalEvent(JournalEvent.DONE, sweep, index, 0, 1, 99, epochsDone, null, null));
        }
    }

    private static EpochMetrics metrics(int epoch, String split) {
        return new EpochMetrics(
                0,
                1,
                epoch,
                split,
                0.5 + epoch / 100.0,
                1,
                0.1,
                2,
                0.9,
                1.5,
                1.9,
                100,
                1.0,
                epoch + 1.0,
                0.1,
                new SamplerFigures(100, 50, 48, 2, 3, 2.0, 0.5),
                1L,
                null,
                null);
    }

    private long rows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM epoch_metric")
                .mapTo(Long.class)
                .one());
    }

    private Run byIndex(int index) {
        return db.runs().find("s", index).orElseThrow();
    }

    @Test
    void everyRowOfEveryJournal_isIngestedOnce_andAnAttemptsEndIsApplied() {
        db.runs().claim(byIndex(0).id(), null, null, "n", java.time.Duration.ofMinutes(5));
        epochs("s", 0, 0, 5);
        done("s", 0, 5);
        epochs("s", 1, 0, 2);
        JournalIngest ingest = new JournalIngest(db);

        JournalIngest.Result first = ingest.ingestAll(runs);
        assertThat(first.files()).isEqualTo(2);
        assertThat(first.metricRows()).isEqualTo(14);
        assertThat(first.stateChanges()).isEqualTo(1);
        assertThat(rows()).isEqualTo(14);
        assertThat(byIndex(0).state()).isEqualTo(RunState.DONE);
        assertThat(byIndex(0).epochsDone()).isEqualTo(5);
        assertThat(byIndex(1).epochsDone()).isEqualTo(2);
        assertThat(db.metrics().forRun(byIndex(1).id()))
                .extracting(EpochMetrics::epoch, EpochMetrics::split)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(0, "test"),
                        org.assertj.core.api.Assertions.tuple(0, "train"),
                        org.assertj.core.api.Assertions.tuple(1, "test"),
                        org.assertj.core.api.Assertions.tuple(1, "train"));

        JournalIngest.Result again = ingest.ingestAll(runs);
        assertThat(again.metricRows()).isZero();
        assertThat(again.events()).isZero();
        assertThat(rows()).isEqualTo(14);
    }

    @Test
    void linesAppendedAfterAnIngest_areTheOnlyOnesReadNext() {
        JournalIngest ingest = new JournalIngest(db);
        epochs("s", 2, 0, 1);
        assertThat(ingest.ingestAll(runs).metricRows()).isEqualTo(2);
        epochs("s", 2, 1, 3);
        JournalIngest.Result next = ingest.ingestAll(runs);
        assertThat(next.events()).isEqualTo(2);
        assertThat(next.metricRows()).isEqualTo(4);
        assertThat(byIndex(2).epochsDone()).isEqualTo(3);
        assertThat(rows()).isEqualTo(6);
    }

    @Test
    void anIncompleteLastLine_waitsForItsEnd_andAnUnknownRunIsSkipped() throws IOException {
        epochs("s", 0, 0, 1);
        epochs("other-sweep", 0, 0, 2);
        Files.writeString(
                journal("s", 0),
                "{\"type\":\"epoch\",\"sweep\":\"s\"",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        JournalIngest ingest = new JournalIngest(db);
        JournalIngest.Result r = ingest.ingestAll(runs);
        assertThat(r.metricRows()).isEqualTo(2);
        assertThat(r.badLines()).isZero();
        assertThat(rows()).isEqualTo(2);
        assertThat(ingest.ingestAll(runs).events()).isZero();
    }

    @Test
    void manyJournals_committedInGroups_loseAndRepeatNothing() {
        List<NewRun> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(run("m" + i));
        }
        db.runs().storeExpansion("many", null, null, "t", null, many);
        for (int i = 0; i < 60; i++) {
            epochs("many", i, 0, 200); // 400 rows each: 24,000 rows, more than one group
        }
        JournalIngest ingest = new JournalIngest(db);
        assertThat(ingest.ingestAll(runs).metricRows()).isEqualTo(24_000);
        assertThat(rows()).isEqualTo(24_000);
        assertThat(ingest.ingestAll(runs).metricRows()).isZero();
    }
}
