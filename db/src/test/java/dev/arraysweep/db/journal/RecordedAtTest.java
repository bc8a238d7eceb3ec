package dev.arraysweep.db.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.db.task.RunRecorder;
import dev.arraysweep.testkit.MetricRows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recorded_at} is when the epoch ended (its journal event's time), not when its rows reached the database,
 * and it is the same through journal ingest and through a live write.
 */
class RecordedAtTest {
    /** When the worker journaled the epochs: long before anything reads them. */
    static final Instant EPOCH_0 = Instant.parse("2025-01-01T10:00:00Z");

    static final Instant EPOCH_1 = Instant.parse("2025-01-01T10:05:00.250Z");
    /** The database's clock: a year later. */
    static final Instant LATER = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static JournalEvent epoch(long runId, int epoch, Instant at) {
        return new JournalEvent(
                JournalEvent.EPOCH,
                "s",
                0,
                runId,
                1,
                at.toEpochMilli(),
                epoch + 1,
                List.of(MetricRows.row(runId, 1, epoch, "train", 0.5), MetricRows.row(runId, 1, epoch, "test", 0.4)),
                null);
    }

    private static Database open(Path dir) {
        return Database.open("jdbc:h2:file:" + dir.resolve("db"), Clock.fixed(LATER, ZoneOffset.UTC), true);
    }

    private static long claimedRun(Database db) {
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 2, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();
        db.runs().claim(id, null, null, "n", Duration.ofMinutes(5));
        return id;
    }

    private static List<Instant> recordedAt(Database db, long runId) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT recorded_at FROM epoch_metric WHERE run_id = :r ORDER BY epoch, split")
                .bind("r", runId)
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list());
    }

    @Test
    void ingestedMuchLater_recordedAtIsTheEpochsTime() {
        try (Database db = open(dir)) {
            long id = claimedRun(db);
            try (Journal j = Journal.open(dir.resolve("runs/s/journal/0.jsonl"))) {
                j.append(epoch(id, 0, EPOCH_0));
                j.append(epoch(id, 1, EPOCH_1));
            }
            new JournalIngest(db).ingestAll(dir.resolve("runs"));
            // rows by (epoch, split): train sorts after test
            assertThat(recordedAt(db, id)).containsExactly(EPOCH_0, EPOCH_0, EPOCH_1, EPOCH_1);
        }
    }

    @Test
    void writtenLive_thenIngestedAgain_recordedAtIsTheSameEpochTime() {
        try (Database db = open(dir)) {
            long id = claimedRun(db);
            Path file = dir.resolve("runs/s/journal/0.jsonl");
            try (RunRecorder live =
                    new RunRecorder(Journal.open(file), db, id, new PrintStream(new ByteArrayOutputStream()))) {
                live.record(epoch(id, 0, EPOCH_0));
                live.record(epoch(id, 1, EPOCH_1));
                assertThat(live.unwritten()).isZero();
            }
            assertThat(recordedAt(db, id)).containsExactly(EPOCH_0, EPOCH_0, EPOCH_1, EPOCH_1);

            // the journal's replay (ingest after a live write) leaves the same times
            new JournalIngest(db).ingestAll(dir.resolve("runs"));
            assertThat(recordedAt(db, id)).containsExactly(EPOCH_0, EPOCH_0, EPOCH_1, EPOCH_1);
        }
    }
}
