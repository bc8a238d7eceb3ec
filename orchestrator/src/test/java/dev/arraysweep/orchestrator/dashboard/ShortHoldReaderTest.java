package dev.arraysweep.orchestrator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.repo.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The dashboard holds the database it opens for one short poll cycle, then lets go of it. */
class ShortHoldReaderTest {
    private final List<Database> opened = new CopyOnWriteArrayList<>();
    private final List<Database> closed = new CopyOnWriteArrayList<>();

    private ShortHoldReader reader(Duration hold) {
        return new ShortHoldReader(
                () -> {
                    Database db = Database.open(
                            "jdbc:h2:mem:hold" + opened.size() + "-" + System.identityHashCode(this),
                            Clock.systemUTC(),
                            true);
                    opened.add(db);
                    return db;
                },
                db -> {
                    closed.add(db);
                    db.close();
                },
                hold);
    }

    @Test
    void requestsWithinTheHold_shareOneOpening_andClosingTheServerLetsGo() {
        List<Database> seen = new ArrayList<>();
        try (ShortHoldReader r = reader(Duration.ofHours(1))) {
            seen.add(r.read(db -> db));
            seen.add(r.read(db -> db));
            seen.add(r.read(db -> db));
            assertThat(opened).hasSize(1);
            assertThat(seen).containsOnly(opened.get(0));
            assertThat(closed).isEmpty();
        }
        assertThat(closed).containsExactly(opened.get(0));
    }

    @Test
    void afterTheHold_theDatabaseIsClosed_andTheNextRequestOpensItAgain() throws InterruptedException {
        try (ShortHoldReader r = reader(Duration.ofMillis(1))) {
            r.read(db -> db);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (closed.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(closed)
                    .as("closed by its timer, without another request")
                    .containsExactly(opened.get(0));
            Thread.sleep(5);
            Database second = r.read(db -> db);
            assertThat(opened).hasSize(2);
            assertThat(second).isSameAs(opened.get(1));
        }
        assertThat(closed).containsExactly(opened.get(0), opened.get(1));
    }
}
