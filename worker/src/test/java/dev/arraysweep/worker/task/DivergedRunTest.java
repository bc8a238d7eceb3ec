package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose loss turns non-finite stops at that step and ends as {@code diverged}, not {@code done}. */
class DivergedRunTest {
    @TempDir
    Path dir;

    @Test
    void anAbsurdLearningRate_stopsWithinItsFirstEpoch_asDiverged() throws Exception {
        Require.fashionMnist();
        String file = dir.resolve("arraysweep").toString();
        Database db = Database.open("jdbc:h2:file:" + file);
        Workspace ws = new Workspace(dir, "jdbc:h2:file:" + file);
        TinyRun.store(db, ws, "s", TinyRun.params(3, Map.of("learning_rate", 1e30)));
        db.close();

        TinyRun.Outcome o = TinyRun.train(ws, "s", Map.of(), () -> false);

        assertThat(o.code()).isEqualTo(1);
        assertThat(o.out())
                .containsPattern(
                        "run 0 of s diverged: training loss (NaN|-?Infinity|[-0-9.e+]+) at epoch 0 \\(1/3\\), step [0-9]+;")
                .contains("no epoch finished before it")
                .contains("--states diverged")
                .doesNotContain("epoch 0 (1/3)  train");
        assertThat(Files.exists(ws.checkpointDir("s", 0).resolve("checkpoint.bin")))
                .isFalse();

        db = Database.open("jdbc:h2:file:" + file);
        new JournalIngest(db).ingestAll(dir.resolve("runs"));
        Run run = db.runs().find("s", 0).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.DIVERGED);
        assertThat(run.epochsDone()).isZero();
        assertThat(run.errorText())
                .matches("training loss \\S+ at epoch 0 \\(1/3\\), step [0-9]+; no epoch finished before it");
        assertThat(db.metrics().forRun(run.id())).isEmpty();
        db.close();
    }
}
