package dev.arraysweep.orchestrator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepProgressTest {
    @TempDir
    Path dir;

    private static NewRun run(String hash) {
        return new NewRun(hash, "{\"h\":\"" + hash + "\"}", 4, Map.of("epochs", 4));
    }

    /** Gives run {@code index} {@code epochs} measured epochs, the last one taking {@code lastSeconds}. */
    private static void trained(Database db, int index, int epochs, double lastSeconds, boolean finish) {
        long id = db.runs().find("s", index).orElseThrow().id();
        db.runs().claim(id, null, null, "n", Duration.ofMinutes(5));
        List<EpochMetrics> rows = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            double seconds = e == epochs - 1 ? lastSeconds : 1000; // only the latest epoch sets the pace
            for (String split : List.of("train", "test")) {
                rows.add(new EpochMetrics(
                        id,
                        1,
                        e,
                        split,
                        0.5,
                        1,
                        0.1,
                        2,
                        1,
                        1.5,
                        1.9,
                        10,
                        seconds,
                        0,
                        0.1,
                        new SamplerFigures(10, 10, 10, 0, 1, 1, 1),
                        1L,
                        null,
                        null));
            }
        }
        db.metrics().upsert(rows);
        db.runs().heartbeat(id, 1, epochs);
        if (finish) {
            db.runs().finish(id, 1, RunState.DONE, null);
        }
    }

    @Test
    void pace_isTheLatestEpochOfTheRunningRuns_andOfTheFinishedOnesWhenNoneRuns() {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(run("a"), run("b"), run("c"), run("d")));
        trained(db, 0, 4, 10, true);
        trained(db, 1, 2, 20, false);
        trained(db, 2, 1, 40, false);

        SweepProgress running = SweepProgress.load(db, "s").get(0);
        assertThat(running.meanEpochSeconds()).isEqualTo(30.0);
        assertThat(running.epochsDone()).isEqualTo(7);
        assertThat(running.epochsTotal()).isEqualTo(16);
        // 9 epochs left at 30 s each, two runs at a time
        assertThat(running.eta()).isEqualTo(Duration.ofSeconds(135));

        db.runs().finish(db.runs().find("s", 1).orElseThrow().id(), 1, RunState.FAILED, "x");
        db.runs().finish(db.runs().find("s", 2).orElseThrow().id(), 1, RunState.FAILED, "x");
        assertThat(SweepProgress.load(db, "s").get(0).meanEpochSeconds()).isEqualTo(10.0);
    }
}
