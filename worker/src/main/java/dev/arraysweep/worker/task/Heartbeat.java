package dev.arraysweep.worker.task;

import dev.arraysweep.db.task.RunLock;
import dev.arraysweep.db.task.RunRecorder;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Beats every 30 seconds from a daemon thread, so long epochs never look stale: the run lock's modification
 * time (which ingest copies into the database) and, when writing live, the run's heartbeat in the database.
 */
final class Heartbeat implements AutoCloseable {
    static final long PERIOD_SECONDS = 30;

    private final ScheduledExecutorService timer;
    private volatile int epochsDone;

    private Heartbeat(RunLock lock, RunRecorder recorder, int attempt, Clock clock) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(
                () -> {
                    lock.touch(clock.instant());
                    recorder.heartbeat(attempt, epochsDone);
                },
                PERIOD_SECONDS,
                PERIOD_SECONDS,
                TimeUnit.SECONDS);
    }

    static Heartbeat start(RunLock lock, RunRecorder recorder, int attempt, Clock clock) {
        return new Heartbeat(lock, recorder, attempt, clock);
    }

    void epochsDone(int n) {
        epochsDone = n;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
