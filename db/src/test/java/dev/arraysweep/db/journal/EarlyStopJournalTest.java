package dev.arraysweep.db.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that early stopping ended: its stop epoch and reason go through the journal into the database. */
class EarlyStopJournalTest {
    private static final String REASON = "early stopping: test mean loss did not improve for 2 epochs";

    @TempDir
    Path dir;

    private Database db;

    private long claimedRun(int index) {
        long id = db.runs().find("s", index).orElseThrow().id();
        db.runs().claim(id, null, null, "n", Duration.ofMinutes(5));
        return id;
    }

    private void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs()
                .storeExpansion(
                        "s",
                        null,
                        null,
                        "t",
                        null,
                        List.of(new NewRun("a", "{}", 10, Map.of()), new NewRun("b", "{}", 10, Map.of())));
    }

    @Test
    void stoppedEarly_isIngestedFromTheJournal_andAnOldDoneLineReadsAsAnOrdinaryEnd() throws Exception {
        open();
        long stopped = claimedRun(0);
        long plain = claimedRun(1);
        Path journals = dir.resolve("runs/s/journal");
        try (Journal j = Journal.open(journals.resolve("0.jsonl"))) {
            j.append(JournalEvent.stoppedEarly("s", 0, stopped, 1, 0, 4, 3, REASON));
        }
        // a done line as journals held it before early stopping existed
        Files.writeString(
                journals.resolve("1.jsonl"),
                "{\"type\":\"done\",\"sweep\":\"s\",\"index\":1,\"runId\":" + plain
                        + ",\"attempt\":1,\"atMillis\":0,\"epochsDone\":10,\"metrics\":[],\"detail\":null,"
                        + "\"node\":null,\"jobId\":null,\"arrayJobId\":null}\n");

        JournalIngest.Result result = new JournalIngest(db).ingestAll(dir.resolve("runs"));

        assertThat(result.badLines()).isZero();
        assertThat(result.stateChanges()).isEqualTo(2);
        Run s = db.runs().byId(stopped).orElseThrow();
        assertThat(s.state()).isEqualTo(RunState.DONE);
        assertThat(s.epochsDone()).isEqualTo(4);
        assertThat(s.stopEpoch()).isEqualTo(3);
        assertThat(s.stopReason()).isEqualTo(REASON);
        assertThat(s.errorText()).isNull();
        Run p = db.runs().byId(plain).orElseThrow();
        assertThat(p.state()).isEqualTo(RunState.DONE);
        assertThat(p.stopEpoch()).isNull();
        assertThat(p.stopReason()).isNull();
        assertThat(text("SELECT stop_epoch || ' ' || stop_reason FROM runs WHERE array_index = 0"))
                .as("the runs view shows it")
                .isEqualTo("3 " + REASON);
        assertThat(text("SELECT detail FROM run_event WHERE run_id = " + stopped + " AND kind = 'done'"))
                .isEqualTo(REASON);
    }

    @Test
    void stoppedEarly_writtenLive_equalsIngested_andOrdinaryLinesCarryNoStopFields() {
        open();
        long id = claimedRun(0);
        JournalEvent done = JournalEvent.stoppedEarly("s", 0, id, 1, 0, 4, 3, REASON);
        Path file = dir.resolve("runs/s/journal/0.jsonl");
        try (Journal j = Journal.open(file)) {
            j.append(new JournalEvent(JournalEvent.EPOCH, "s", 0, id, 1, 0, 1, List.of(), null));
            j.append(done);
        }
        List<JournalEvent> read = JournalReader.read(file, 0).events();
        assertThat(read.get(1)).as("round trip through the journal").isEqualTo(done);

        db.jdbi().useTransaction(h -> JournalApply.apply(h, id, done));
        Run live = db.runs().byId(id).orElseThrow();
        assertThat(live.state()).isEqualTo(RunState.DONE);
        assertThat(live.stopEpoch()).isEqualTo(3);
        assertThat(live.stopReason()).isEqualTo(REASON);

        // applied again by ingest: nothing changes (the attempt has ended)
        assertThat(new JournalIngest(db).ingestAll(dir.resolve("runs")).stateChanges())
                .isZero();
        assertThat(db.runs().byId(id).orElseThrow()).isEqualTo(live);
        assertThat(readText(file).lines().findFirst().orElseThrow())
                .doesNotContain("stopEpoch")
                .doesNotContain("stopReason");
    }

    private String text(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
