package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.journal.JournalReader;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.db.task.TaskFile;
import dev.arraysweep.testkit.Require;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        ParamValues p = Params.normalize(Map.of(
                "dataset",
                "fashion-mnist",
                "model",
                "fcnet16",
                "epochs",
                epochs,
                "batch_size",
                50,
                "train_limit",
                400,
                "test_limit",
                100,
                "batch_filtering",
                false,
                "early_stopping_patience",
                1,
                "early_stopping_metric",
                "test-accuracy"));
        db.runs()
                .storeExpansion(
                        "s", null, null, "t", null, List.of(new NewRun(p.hash(), p.toJson(), epochs, Map.of())));
        Workspace ws = new Workspace(dir, url);
        Run stored = db.runs().find("s", 0).orElseThrow();
        TaskFile.of("s", stored).write(ws.taskFile("s", 0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = new TaskRunner(ws, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8))
                .run("s", 0, new TaskRunner.TaskInfo("1", "1", "node"), () -> false);

        assertThat(code).isZero();
        List<JournalEvent> events = JournalReader.read(ws.journal("s", 0), 0).events();
        JournalEvent done = events.get(events.size() - 1);
        assertThat(done.type()).isEqualTo(JournalEvent.DONE);
        assertThat(done.stopEpoch()).as("stopped before the last epoch").isLessThan(epochs - 1);
        assertThat(done.epochsDone()).isEqualTo(done.stopEpoch() + 1);
        assertThat(events).filteredOn(e -> e.type().equals(JournalEvent.EPOCH)).hasSize(done.epochsDone());
        assertThat(done.stopReason())
                .startsWith("early stopping: test accuracy did not improve for 1 epoch on its best");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run 0 of s done: early stopping");
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
