package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.journal.JournalReader;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.testkit.Require;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker whose run early stopping ends: it exits 0, journals the stop, and ingest stores it. */
class EarlyStopTaskTest {
    @TempDir
    Path dir;

    @Test
    void earlyStoppedRun_endsDone_withItsStopEpochAndReasonJournaledAndIngested() throws Exception {
        Require.fashionMnist();
        String url = "jdbc:h2:file:" + dir.resolve("arraysweep");
        Database db = Database.open(url);
        int epochs = 40;
        Workspace ws = new Workspace(dir, url);
        Run stored = TinyRun.store(
                db,
                ws,
                "s",
                TinyRun.params(epochs, Map.of("early_stopping_patience", 1, "early_stopping_metric", "test-accuracy")));

        TinyRun.Outcome o = TinyRun.train(ws, "s", Map.of(), () -> false);

        assertThat(o.code()).isZero();
        List<JournalEvent> events = JournalReader.read(ws.journal("s", 0), 0).events();
        JournalEvent done = events.get(events.size() - 1);
        assertThat(done.type()).isEqualTo(JournalEvent.DONE);
        assertThat(done.stopEpoch()).as("stopped before the last epoch").isLessThan(epochs - 1);
        assertThat(done.epochsDone()).isEqualTo(done.stopEpoch() + 1);
        assertThat(events).filteredOn(e -> e.type().equals(JournalEvent.EPOCH)).hasSize(done.epochsDone());
        assertThat(done.stopReason())
                .startsWith("early stopping: test accuracy did not improve for 1 epoch on its best");
        assertThat(o.out()).contains("run 0 of s done: early stopping");
        assertThat(ws.checkpointDir("s", 0).resolve("checkpoint.bin"))
                .as("the final state stays, as for every finished run")
                .exists();

        new JournalIngest(db).ingestAll(ws.root().resolve("runs"));
        Run run = db.runs().byId(stored.id()).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.DONE);
        assertThat(run.stopEpoch()).isEqualTo(done.stopEpoch());
        assertThat(run.stopReason()).isEqualTo(done.stopReason());
        assertThat(db.metrics().forRun(run.id())).hasSize(2 * done.epochsDone());
    }
}
