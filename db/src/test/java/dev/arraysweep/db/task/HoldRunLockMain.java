package dev.arraysweep.db.task;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A second process for {@link RunLockTest}: holds the run lock at {@code args[0]} until killed. */
public final class HoldRunLockMain {
    private HoldRunLockMain() {}

    public static void main(String[] args) throws Exception {
        RunLock.tryAcquire(Path.of(args[0]), Map.of("job", "4242", "node", "node-a"), Duration.ZERO, Clock.systemUTC())
                .orElseThrow();
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
