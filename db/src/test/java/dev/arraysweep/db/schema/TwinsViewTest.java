package dev.arraysweep.db.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.params.TwinKey;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinsViewTest {
    @TempDir
    Path dir;
    /**
     * Keeps the database open between the test's connections: closing it makes H2 2.3.232 compact the
     * file, and under assertions (surefire's default) a faulty assertion there can abort the close and
     * lose the last commits (h2database issues 4086 and 4286).
     */
    private Connection keepOpen;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
    }

    @BeforeEach
    void holdOpen() throws SQLException {
        keepOpen = DriverManager.getConnection(url(), "sa", "");
    }

    @AfterEach
    void release() throws SQLException {
        keepOpen.close();
    }

    private Database open() {
        return Database.open(url());
    }

    private static ParamValues params(boolean epochFilter, boolean batchFilter, int seed) throws ParamException {
        return Params.normalize(Map.of(
                "dataset",
                "mnist",
                "model",
                "lenet",
                "epochs",
                1,
                "epoch_filtering",
                epochFilter,
                "batch_filtering",
                batchFilter,
                "seed",
                seed));
    }

    /** Stores runs with one epoch: train accuracy 0.9 for all, test accuracy as given. */
    private static void store(Database db, List<ParamValues> runs, double[] testAccuracy) {
        List<NewRun> news = new ArrayList<>();
        runs.forEach(v -> news.add(new NewRun(v.hash(), v.toJson(), 1, new HashMap<>(v.asMap()), TwinKey.of(v))));
        db.runs().storeExpansion("s", null, null, "t", null, news);
        List<EpochMetrics> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            long id = db.runs().find("s", i).orElseThrow().id();
            rows.add(metrics(id, "train", 0.9));
            rows.add(metrics(id, "test", testAccuracy[i]));
        }
        db.metrics().upsert(rows);
    }

    private static EpochMetrics metrics(long id, String split, double accuracy) {
        double loss = 1 - accuracy;
        return new EpochMetrics(
                id,
                1,
                0,
                split,
                accuracy,
                loss,
                0,
                4 * loss,
                loss,
                2 * loss,
                3 * loss,
                10,
                1,
                1,
                0.1,
                SamplerFigures.none(),
                null,
                null,
                null);
    }

    @Test
    void eachFilteredRun_joinsItsArchetypeWithTheSameSeed() throws ParamException {
        Database db = open();
        store(
                db,
                List.of(
                        params(false, false, 0),
                        params(false, true, 0),
                        params(true, true, 0),
                        params(false, false, 1),
                        params(false, true, 1)),
                new double[] {0.8, 0.7, 0.6, 0.85, 0.75});

        List<Map<String, Object>> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT seed, filtered_index,"
                        + " archetype_index, epoch_filtering, batch_filtering, test_accuracy, archetype_test_accuracy,"
                        + " ratio_accuracy, archetype_ratio_accuracy, diff_test_accuracy, ratio_worst_loss FROM twins"
                        + " ORDER BY filtered_index")
                .mapToMap()
                .list());

        assertThat(rows).extracting(r -> r.get("filtered_index")).containsExactly(1, 2, 4);
        assertThat(rows).extracting(r -> r.get("archetype_index")).containsExactly(0, 0, 3);
        assertThat(rows).extracting(r -> r.get("seed")).containsExactly(0, 0, 1);
        assertThat(rows.get(1).get("epoch_filtering")).isEqualTo(true);
        assertThat((Double) rows.get(0).get("ratio_accuracy")).isCloseTo(0.7 / 0.9, within(1e-12));
        assertThat((Double) rows.get(0).get("archetype_ratio_accuracy")).isCloseTo(0.8 / 0.9, within(1e-12));
        assertThat((Double) rows.get(2).get("diff_test_accuracy")).isCloseTo(-0.1, within(1e-12));
        assertThat((Double) rows.get(0).get("ratio_worst_loss")).isCloseTo(0.3 / 0.1, within(1e-9));
    }

    @Test
    void runsStoredWithoutTwinKey_getOneOnTheNextOpen() throws ParamException {
        Database db = open();
        ParamValues archetype = params(false, false, 0);
        ParamValues filtered = params(false, true, 0);
        store(db, List.of(archetype, filtered), new double[] {0.8, 0.7});
        db.jdbi().useHandle(h -> h.execute("UPDATE run SET twin_key = NULL"));

        Database reopened = open();

        List<String> keys = reopened.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT twin_key FROM run")
                .mapTo(String.class)
                .list());
        int twins = reopened.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM twins")
                .mapTo(Integer.class)
                .one());
        assertThat(keys).containsExactly(TwinKey.of(archetype));
        assertThat(twins).isEqualTo(1);
    }

    @Test
    void newRunWithoutTwinKey_derivesItFromItsJson() throws ParamException {
        ParamValues v = params(false, true, 3);

        assertThat(new NewRun(v.hash(), v.toJson(), 1, Map.of()).twinKey()).isEqualTo(TwinKey.of(v));
        assertThat(new NewRun("h", "{\"h\":1}", 1, Map.of()).twinKey()).isNull();
    }
}
