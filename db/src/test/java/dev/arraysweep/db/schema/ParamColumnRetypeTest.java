package dev.arraysweep.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database from before augmentation became a choice gets its boolean column rebuilt as the choice's names. */
class ParamColumnRetypeTest {
    @TempDir
    Path dir;

    private static NewRun run(Object augmentation, int seed) throws Exception {
        ParamValues p = Params.normalize(Map.of("augmentation", augmentation, "seed", seed));
        return new NewRun(
                p.hash(), p.toJson(), 300, Map.of("augmentation", p.asMap().get("augmentation")));
    }

    private static List<String> augmentations(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT augmentation FROM runs ORDER BY array_index")
                .mapTo(String.class)
                .list());
    }

    @Test
    void booleanAugmentationColumn_becomesTheChoiceNames_fromTheStoredParameters() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        Database db = Database.open(url);
        db.runs().storeExpansion("s", null, null, "t", null, List.of(run(true, 0), run(false, 1)));
        // the column as a database from before had it: BOOLEAN, the views reading it
        db.jdbi().useHandle(h -> {
            h.execute("DROP VIEW IF EXISTS twins CASCADE");
            h.execute("DROP VIEW IF EXISTS run_results CASCADE");
            h.execute("DROP VIEW IF EXISTS curves CASCADE");
            h.execute("DROP VIEW IF EXISTS runs CASCADE");
            h.execute("ALTER TABLE run_param DROP COLUMN \"AUGMENTATION\"");
            h.execute("ALTER TABLE run_param ADD COLUMN \"AUGMENTATION\" BOOLEAN");
            h.execute("UPDATE run_param SET \"AUGMENTATION\" = TRUE");
            h.execute(Views.definitions(ParamColumns.all()).get(0));
        });
        assertThat(augmentations(db)).containsExactly("TRUE", "TRUE");
        db.close();

        Database reopened = Database.open(url);
        assertThat(augmentations(reopened)).containsExactly("thesis", "none");
        reopened.runs()
                .storeExpansion("s", null, null, "t2", null, List.of(run(true, 0), run(false, 1), run("crop-flip", 2)));
        assertThat(augmentations(reopened)).containsExactly("thesis", "none", "crop-flip");
        int results = reopened.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM run_results")
                .mapTo(Integer.class)
                .one());
        assertThat(results).as("the views are there again").isEqualTo(3);
        reopened.close();
    }
}
