package dev.arraysweep.db.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.Run;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredTimesTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void timesReadThroughTheDaos_areTheInstantsWritten_inAJvmOutsideUtc() {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), Clock.fixed(T0, ZoneOffset.UTC), true)) {
            db.runs()
                    .storeExpansion(
                            "s",
                            "d",
                            "f.yaml",
                            "text",
                            null,
                            List.of(new NewRun("a", "{\"h\":\"a\"}", 2, Map.of("epochs", 2, "seed", 1))));
            long sweepId = db.sweeps().require("s").id();
            Run run = db.runs().find("s", 0).orElseThrow();
            db.runs().claim(run.id(), "7_0", "7", "node", Duration.ofMinutes(5));
            db.submissions().record(sweepId, "7", "0", 0, null, List.of(0));

            assertThat(db.sweeps().require("s").createdAt()).isEqualTo(T0);
            Run claimed = db.runs().byId(run.id()).orElseThrow();
            assertThat(claimed.startedAt()).isEqualTo(T0);
            assertThat(claimed.heartbeatAt()).isEqualTo(T0);
            assertThat(claimed.endedAt()).isNull();
            assertThat(db.submissions().forSweep(sweepId)).singleElement().satisfies(s -> assertThat(s.submittedAt())
                    .isEqualTo(T0));
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
