package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.db.task.TaskFile;
import dev.arraysweep.testkit.Require;
import dev.arraysweep.worker.telemetry.StandInSmi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker on a node whose task was given a GPU (CUDA_VISIBLE_DEVICES) and where nvidia-smi is on the PATH (a
 * stand-in: there is no GPU here) records the GPU's figures on every epoch row, through the journal into the
 * database, and stops nvidia-smi when the run ends; without nvidia-smi the figures are NULL.
 */
class GpuTelemetryTaskTest {
    private static final long MIB = 1024L * 1024L;

    @TempDir
    Path dir;

    @Test
    void everyEpochRow_carriesTheGpuFiguresNvidiaSmiReported_andNvidiaSmiStopsWithTheRun() throws Exception {
        Require.fashionMnist();
        StandInSmi smi = StandInSmi.looping(dir.resolve("bin"), List.of("73, 64, 212.5, 5120"));
        Database db = Database.open(url());
        Run run = store(db, "s");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("PATH", smi.dir() + ":/usr/bin:/bin", "CUDA_VISIBLE_DEVICES", "0");

        int code = new TaskRunner(new Workspace(dir, url()), env, new PrintStream(out, true, StandardCharsets.UTF_8))
                .run("s", 0, new TaskRunner.TaskInfo("1", "1", "node"), () -> false);

        assertThat(code).isZero();
        assertThat(smi.starts()).singleElement().asString().contains("--id=0", "--loop-ms=1000");
        assertThat(smi.running()).as("nvidia-smi stopped with the run").isFalse();
        new JournalIngest(db).ingestAll(dir.resolve("runs"));
        List<EpochMetrics> rows = db.metrics().forRun(run.id());
        assertThat(rows).hasSize(2 * 3);
        assertThat(rows).allSatisfy(m -> {
            GpuFigures g = m.gpu();
            assertThat(g).isNotNull();
            assertThat(g.utilizationPercent()).isEqualTo(73.0);
            assertThat(g.temperatureC()).isEqualTo(64.0);
            assertThat(g.powerWatts()).isEqualTo(212.5);
            assertThat(g.memoryUsedBytes()).isEqualTo(5120 * MIB);
            assertThat(m.deviceMemoryBytes())
                    .as("a CPU run: the engine has no device memory")
                    .isNull();
        });
        Double power = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT AVG(gpu_power_watts) FROM curves WHERE sweep = 's'")
                        .mapTo(Double.class)
                        .one());
        assertThat(power).isEqualTo(212.5);
    }

    @Test
    void withoutNvidiaSmi_theGpuColumnsStayNull() throws Exception {
        Require.fashionMnist();
        Database db = Database.open(url());
        Run run = store(db, "s");

        int code = new TaskRunner(
                        new Workspace(dir, url()),
                        Map.of("PATH", dir.resolve("empty") + ":/usr/bin:/bin", "CUDA_VISIBLE_DEVICES", "0"),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run("s", 0, new TaskRunner.TaskInfo("1", "1", "node"), () -> false);

        assertThat(code).isZero();
        new JournalIngest(db).ingestAll(dir.resolve("runs"));
        assertThat(db.metrics().forRun(run.id())).hasSize(6).allSatisfy(m -> assertThat(m.gpu())
                .isNull());
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("arraysweep");
    }

    private Run store(Database db, String sweep) throws Exception {
        ParamValues p = Params.normalize(Map.of(
                "dataset", "fashion-mnist",
                "model", "fcnet16",
                "epochs", 3,
                "batch_size", 50,
                "train_limit", 400,
                "test_limit", 100,
                "eval_train_every", 1,
                "batch_filtering", false));
        db.runs().storeExpansion(sweep, null, null, "t", null, List.of(new NewRun(p.hash(), p.toJson(), 3, Map.of())));
        Run stored = db.runs().find(sweep, 0).orElseThrow();
        TaskFile.of(sweep, stored).write(new Workspace(dir, url()).taskFile(sweep, 0));
        return stored;
    }
}
