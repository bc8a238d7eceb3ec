package dev.arraysweep.db.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One worker per run: the lock refuses a second holder while the first lives, and frees itself when it dies. */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void heldByAnotherProcess_isRefused_untilThatProcessIsKilledHard() throws Exception {
        Path file = dir.resolve("locks/0.lock");
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldRunLockMain.class.getName(),
                        file.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).isEqualTo("holding");
            assertThat(RunLock.tryAcquire(file, Map.of(), Duration.ofMillis(300), Clock.systemUTC()))
                    .isEmpty();
            assertThat(RunLock.holder(file))
                    .containsEntry("job", "4242")
                    .containsEntry("node", "node-a")
                    .containsEntry("pid", (int) child.pid());

            child.destroyForcibly().waitFor(); // kill -9: no chance to clean up
            Optional<RunLock> mine =
                    RunLock.tryAcquire(file, Map.of("job", "5"), Duration.ofSeconds(5), Clock.systemUTC());
            assertThat(mine).isPresent();
            assertThat(RunLock.holder(file)).containsEntry("job", "5");
            mine.get().close();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aHolderLineWrittenAMomentAfterTheLock_isWaitedFor_andAnEmptyFileReadsAsUnknown() throws Exception {
        Path file = dir.resolve("locks/2.lock");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(300);
                Files.writeString(file, "{\"pid\":77,\"host\":\"h\"}\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertThat(RunLock.holder(file)).isEmpty(); // not yet written
        assertThat(RunLock.holder(file, Duration.ofSeconds(5))).containsEntry("pid", 77);
        writer.join();

        Path empty = dir.resolve("locks/3.lock");
        Files.writeString(empty, "");
        assertThat(RunLock.holder(empty, Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void aSecondHolderInTheSameProcess_isRefused_andTouchMovesTheHeartbeat() {
        Path file = dir.resolve("locks/1.lock");
        try (RunLock held = RunLock.tryAcquire(file, Map.of(), Duration.ZERO, Clock.systemUTC())
                .orElseThrow()) {
            assertThat(RunLock.tryAcquire(file, Map.of(), Duration.ofMillis(200), Clock.systemUTC()))
                    .isEmpty();
            Instant later = Instant.parse("2030-01-01T00:00:00Z");
            held.touch(later);
            assertThat(RunLock.heartbeat(file)).contains(later);
        }
        Optional<RunLock> again = RunLock.tryAcquire(file, Map.of(), Duration.ZERO, Clock.systemUTC());
        assertThat(again).isPresent();
        again.get().close();
    }

    /** {@return what another process sees of the lock at {@code file}: held or free} */
    private static String probe(Path file) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockProbeMain.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void aHeartbeat_keepsTheLock_asAnotherProcessSeesIt() throws Exception {
        // POSIX locks belong to the process and go when it closes any descriptor of the file: a heartbeat that
        // opened the file to set its time let go of the lock at the first beat, 30 s into every run
        Path file = dir.resolve("locks/5.lock");
        try (RunLock held = RunLock.tryAcquire(file, Map.of(), Duration.ZERO, Clock.systemUTC())
                .orElseThrow()) {
            assertThat(probe(file)).isEqualTo("held");
            held.touch(Instant.parse("2030-01-01T00:00:00Z"));
            assertThat(RunLock.heartbeat(file)).contains(Instant.parse("2030-01-01T00:00:00Z"));
            assertThat(probe(file)).as("after a heartbeat").isEqualTo("held");
        }
        assertThat(probe(file)).isEqualTo("free");
    }
}
