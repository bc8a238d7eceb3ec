package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.testkit.Require;
import dev.arraysweep.worker.telemetry.StandInSmi;
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
        Workspace ws = new Workspace(dir, url());
        Run run = TinyRun.store(db, ws, "s", TinyRun.params(3, Map.of("eval_train_every", 1)));
        Map<String, String> env = Map.of("PATH", smi.dir() + ":/usr/bin:/bin", "CUDA_VISIBLE_DEVICES", "0");

        TinyRun.Outcome o = TinyRun.train(ws, "s", env, () -> false);

        assertThat(o.code()).as(o.out()).isZero();
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
        Workspace ws = new Workspace(dir, url());
        Run run = TinyRun.store(db, ws, "s", TinyRun.params(3, Map.of("eval_train_every", 1)));

        TinyRun.Outcome o = TinyRun.train(
                ws,
                "s",
                Map.of("PATH", dir.resolve("empty") + ":/usr/bin:/bin", "CUDA_VISIBLE_DEVICES", "0"),
                () -> false);

        assertThat(o.code()).as(o.out()).isZero();
        new JournalIngest(db).ingestAll(dir.resolve("runs"));
        assertThat(db.metrics().forRun(run.id())).hasSize(6).allSatisfy(m -> assertThat(m.gpu())
                .isNull());
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("arraysweep");
    }
}
