package dev.arraysweep.db.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.EpochWork;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.db.model.ImportanceFigures;
import dev.arraysweep.db.model.SamplerFigures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricRepositoryTest {
    @TempDir
    Path dir;

    private static EpochMetrics row(long run, int attempt, int epoch, String split, double accuracy) {
        return new EpochMetrics(
                run,
                attempt,
                epoch,
                split,
                accuracy,
                1,
                0.1,
                2,
                1,
                1.5,
                1.9,
                10,
                1,
                1,
                0.1,
                new SamplerFigures(10, 5, 4, 1, 1, 1, 0.5),
                null,
                7L,
                null);
    }

    @Test
    void upsert_insertsNewKeys_replacesStoredOnes_andTheLastRowOfAKeyWins() {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 3, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();

        db.metrics().upsert(List.of(row(id, 1, 0, "test", 0.1), row(id, 1, 1, "test", 0.2)));
        // epoch 1 stored: replaced; epoch 2 new but twice in the batch (a resumed attempt): the later row wins
        db.metrics()
                .upsert(List.of(
                        row(id, 1, 1, "test", 0.3),
                        row(id, 1, 2, "test", 0.4),
                        row(id, 2, 2, "test", 0.5),
                        row(id, 2, 2, "train", 0.6)));

        List<EpochMetrics> stored = db.metrics().forRun(id);
        assertThat(stored)
                .extracting(EpochMetrics::epoch, EpochMetrics::split, EpochMetrics::accuracy, EpochMetrics::attempt)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(0, "test", 0.1, 1),
                        org.assertj.core.api.Assertions.tuple(1, "test", 0.3, 1),
                        org.assertj.core.api.Assertions.tuple(2, "test", 0.5, 2),
                        org.assertj.core.api.Assertions.tuple(2, "train", 0.6, 2));
        assertThat(stored.get(0).hostMemoryBytes()).isNull();
        assertThat(stored.get(0).deviceMemoryBytes()).isEqualTo(7L);
        assertThat(stored.get(0).sampler()).isEqualTo(new SamplerFigures(10, 5, 4, 1, 1, 1, 0.5));
    }

    @Test
    void stepSizes_areStored_andReadBackAsNullWhereNotRecorded() {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 3, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();
        EpochMetrics varying = row(id, 1, 0, "test", 0.1);
        SamplerFigures sizes = varying.sampler().withStepSizes(3L, 7L);
        db.metrics()
                .upsert(List.of(
                        new EpochMetrics(
                                id, 1, 0, "test", 0.1, 1, 0.1, 2, 1, 1.5, 1.9, 10, 1, 1, 0.1, sizes, null, 7L, null),
                        row(id, 1, 1, "test", 0.2)));

        List<EpochMetrics> stored = db.metrics().forRun(id);
        assertThat(stored.get(0).sampler().minStepSize()).isEqualTo(3L);
        assertThat(stored.get(0).sampler().maxStepSize()).isEqualTo(7L);
        assertThat(stored.get(0).sampler()).isEqualTo(sizes);
        assertThat(stored.get(1).sampler().minStepSize()).isNull();
        assertThat(stored.get(1).sampler().maxStepSize()).isNull();
    }

    @Test
    void importanceFiguresAndTimeSplit_areStored_andReadBackAsNullWhereNotRecorded() {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 3, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();
        SamplerFigures drawn = new SamplerFigures(10, 5, 4, 1, 1, 1, 0.5)
                .withImportance(new ImportanceFigures(0.1, 0.2, 0.3, 0.4, 0.5, 2.5, 3.25))
                .withWork(new EpochWork(0.75, 0.125, 0.0625, 1.5));
        SamplerFigures warmUp = new SamplerFigures(10, 5, 4, 1, 1, 1, 0.5)
                .withImportance(new ImportanceFigures(0, 0, 0, 0, 0, null, null))
                .withWork(new EpochWork(0.5, 0.25, 0.125, null));
        db.metrics()
                .upsert(List.of(
                        new EpochMetrics(
                                id, 1, 0, "test", 0.1, 1, 0.1, 2, 1, 1.5, 1.9, 10, 1, 1, 0.1, drawn, null, 7L, null),
                        new EpochMetrics(
                                id, 1, 1, "test", 0.1, 1, 0.1, 2, 1, 1.5, 1.9, 10, 1, 1, 0.1, warmUp, null, 7L, null),
                        row(id, 1, 2, "test", 0.2)));

        List<EpochMetrics> stored = db.metrics().forRun(id);
        assertThat(stored.get(0).sampler()).isEqualTo(drawn);
        assertThat(stored.get(1).sampler()).isEqualTo(warmUp);
        assertThat(stored.get(1).sampler().importance().weightEss()).isNull();
        assertThat(stored.get(1).sampler().work().sampledLoss()).isNull();
        assertThat(stored.get(2).sampler().importance()).isNull();
        assertThat(stored.get(2).sampler().work()).isNull();
        // the views pick the columns up
        Double ess = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT weight_ess FROM curves WHERE run_id = :id AND epoch = 0")
                        .bind("id", id)
                        .mapTo(Double.class)
                        .one());
        assertThat(ess).isEqualTo(3.25);
    }

    @Test
    void gpuFigures_areStored_readBackWithTheirNulls_andReachTheViews() {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 3, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();
        SamplerFigures f = new SamplerFigures(10, 5, 4, 1, 1, 1, 0.5);
        GpuFigures watched = new GpuFigures(87.5, 61.0, 251.25, 3L << 30, 12);
        GpuFigures noPower = new GpuFigures(40.0, 55.0, null, 1L << 30, 0);
        db.metrics()
                .upsert(List.of(
                        new EpochMetrics(
                                id, 1, 0, "test", 0.1, 1, 0.1, 2, 1, 1.5, 1.9, 10, 1, 1, 0.1, f, null, 5L << 30,
                                watched),
                        new EpochMetrics(
                                id, 1, 1, "test", 0.1, 1, 0.1, 2, 1, 1.5, 1.9, 10, 1, 1, 0.1, f, null, 5L << 30,
                                noPower),
                        row(id, 1, 2, "test", 0.2)));

        List<EpochMetrics> stored = db.metrics().forRun(id);
        assertThat(stored.get(0).gpu()).isEqualTo(watched);
        assertThat(stored.get(0).deviceMemoryBytes()).isEqualTo(5L << 30);
        assertThat(stored.get(1).gpu()).isEqualTo(noPower);
        assertThat(stored.get(2).gpu()).isNull();
        Double power = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT gpu_power_watts FROM final_metrics WHERE run_id = :id")
                        .bind("id", id)
                        .mapTo(Double.class)
                        .one());
        assertThat(power).isNull(); // the last epoch has no reading
        Double utilization = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT gpu_utilization FROM curves WHERE run_id = :id AND epoch = 0")
                        .bind("id", id)
                        .mapTo(Double.class)
                        .one());
        assertThat(utilization).isEqualTo(87.5);
    }
}
