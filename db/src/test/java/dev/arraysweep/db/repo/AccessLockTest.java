package dev.arraysweep.db.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process at a time has an embedded database: the others wait for it, or follow its server. */
class AccessLockTest {
    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    /** Starts a JVM that holds the database (or only its lock, announcing {@code server}) for {@code seconds}. */
    private Process holder(long seconds, String... server) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldDatabaseMain.class.getName(),
                dir.resolve("arraysweep").toString(),
                Long.toString(seconds)));
        cmd.addAll(List.of(server));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        children.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && !line.equals("holding")) {
            // wait until the child has it
        }
        assertThat(line).as("the child took the database").isEqualTo("holding");
        return p;
    }

    private AccessLock.Outcome acquire(Duration wait, List<String> told) {
        return AccessLock.acquire(
                AccessLock.lockFile(dir.resolve("arraysweep")),
                "test",
                null,
                null,
                wait,
                true,
                told::add,
                Clock.systemUTC());
    }

    @Test
    void whileAnotherProcessHasIt_aCommandWaits_andOpensItOnceThatProcessEnds() throws Exception {
        Process child = holder(3);
        List<String> told = new ArrayList<>();
        long start = System.nanoTime();
        AccessLock.Outcome o = acquire(Duration.ofSeconds(60), told);
        double waited = (System.nanoTime() - start) / 1e9;
        try {
            assertThat(o.lock()).isNotNull();
            assertThat(child.waitFor(0, TimeUnit.SECONDS) || !child.isAlive())
                    .as("it waited for the child")
                    .isTrue();
            assertThat(waited).isGreaterThan(1.0);
            assertThat(told).hasSize(1);
            assertThat(told.get(0)).contains("`hold-database test`").contains("pid " + child.pid());
        } finally {
            o.lock().release();
        }
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("arraysweep"))) {
            assertThat(db.sweeps().list()).isEmpty(); // the child's database, opened here after it let go
        }
    }

    @Test
    void heldLongerThanTheWait_isAWrongStateThatNamesTheHolder() throws Exception {
        Process child = holder(60);
        assertThatThrownBy(() -> acquire(Duration.ofSeconds(1), new ArrayList<>()))
                .isInstanceOfSatisfying(ExitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitException.WRONG_STATE);
                    assertThat(e.getMessage())
                            .contains("still in use by `hold-database test` (pid " + child.pid())
                            .contains("ARRAYSWEEP_DB_WAIT_SECONDS");
                });
    }

    @Test
    void aHolderKilledHard_letsTheNextProcessInAtOnce() throws Exception {
        Process child = holder(60);
        child.destroyForcibly().waitFor();
        AccessLock.Outcome o = acquire(Duration.ofSeconds(5), new ArrayList<>());
        assertThat(o.lock()).isNotNull();
        o.lock().release();
    }

    @Test
    void aHolderThatServesTheDatabase_isFollowedToItsServer() throws Exception {
        holder(60, "jdbc:h2:tcp://localhost:9/" + dir.resolve("arraysweep"));
        AccessLock.Outcome o = acquire(Duration.ofSeconds(30), new ArrayList<>());
        assertThat(o.lock()).isNull();
        assertThat(o.server().server()).isEqualTo("jdbc:h2:tcp://localhost:9/" + dir.resolve("arraysweep"));
    }

    @Test
    void withinOneProcess_usersShareTheLock_andTheLastOneLetsGo() {
        Path file = AccessLock.lockFile(dir.resolve("arraysweep"));
        Database a = Database.open("jdbc:h2:file:" + dir.resolve("arraysweep"));
        Database b = Database.open("jdbc:h2:file:" + dir.resolve("arraysweep"));
        assertThat(AccessLock.heldHere(file)).isTrue();
        a.close();
        assertThat(AccessLock.heldHere(file)).isTrue();
        assertThat(b.sweeps().list()).isEmpty(); // still open for b
        b.close();
        assertThat(AccessLock.heldHere(file)).isFalse();
    }
}
