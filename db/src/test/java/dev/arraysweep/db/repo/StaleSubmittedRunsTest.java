package dev.arraysweep.db.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.Run;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleSubmittedRunsTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Database at(Instant t) {
        return Database.open(
                "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", Clock.fixed(t, ZoneOffset.UTC), true);
    }

    private static List<NewRun> runs(String prefix, int n) {
        List<NewRun> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(new NewRun(prefix + i, "{\"i\":" + i + "}", 2, Map.of("epochs", 2, "seed", i)));
        }
        return runs;
    }

    private static void claim(Database db, String sweep, int index, String arrayJob) {
        Run r = db.runs().find(sweep, index).orElseThrow();
        assertThat(db.runs()
                        .claim(
                                r.id(),
                                arrayJob == null ? null : arrayJob + "_" + index,
                                arrayJob,
                                "n",
                                Duration.ofMinutes(5))
                        .claimed())
                .isTrue();
    }

    @Test
    void onlyRunningRunsWithAStaleHeartbeatOfASubmittedArray() {
        Database old = at(T0);
        old.runs().storeExpansion("a", null, null, "a", null, runs("a", 6));
        old.runs().storeExpansion("b", null, null, "b", null, runs("b", 2));
        long a = old.sweeps().find("a").orElseThrow().id();
        long b = old.sweeps().find("b").orElseThrow().id();
        old.submissions().record(a, "100", "0-5", 0, null, List.of());
        claim(old, "a", 0, "100"); // stale, submitted: a suspect
        claim(old, "a", 1, "999"); // stale, but an array arraysweep never submitted for this sweep
        claim(old, "a", 2, null); // stale, started by run-local
        claim(at(T0.plusSeconds(600)), "a", 3, "100"); // fresh heartbeat
        claim(old, "a", 5, "100"); // stale, submitted: a suspect
        // index 4 stays pending
        claim(old, "b", 0, "100"); // stale, same job id, but sweep b was never submitted

        Instant before = T0.plusSeconds(300);
        assertThat(old.submissions().staleSubmittedRuns(null, before))
                .extracting(Run::sweepId, Run::arrayIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, 0), org.assertj.core.groups.Tuple.tuple(a, 5));
        assertThat(old.submissions().staleSubmittedRuns(b, before)).isEmpty();
        assertThat(old.submissions().staleSubmittedRuns(a, T0.minusSeconds(1)))
                .as("nothing is stale yet")
                .isEmpty();
    }
}
