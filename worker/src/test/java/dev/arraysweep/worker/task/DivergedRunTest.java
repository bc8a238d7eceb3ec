package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        ParamValues p = Params.normalize(Map.of(
                "dataset",
                "fashion-mnist",
                "model",
                "fcnet16",
                "epochs",
                3,
                "batch_size",
                50,
                "learning_rate",
                1e30,
                "train_limit",
                400,
                "test_limit",
                100,
                "batch_filtering",
                false));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun(p.hash(), p.toJson(), 3, Map.of())));
        Workspace ws = new Workspace(dir, "jdbc:h2:file:" + file);
        TaskFile.writeAll(ws, "s", List.of(db.runs().find("s", 0).orElseThrow())); // as expand does
        db.close();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new TaskRunner(ws, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8))
                .run("s", 0, new TaskRunner.TaskInfo("1", "1", "node"), () -> false);

        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
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
