package dev.arraysweep.worker.task;

import dev.arraysweep.db.repo.Database;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Refreshes a running run's heartbeat every 30 seconds from a daemon thread, so long epochs never look stale. */
final class Heartbeat implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private volatile int epochsDone;

    private Heartbeat(Database db, long runId, int attempt, long periodSeconds) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                db.runs().heartbeat(runId, attempt, epochsDone);
            } catch (RuntimeException e) {
                // the database may be down; the journal still has everything
            }
        }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    static Heartbeat start(Database db, long runId, int attempt) {
        return new Heartbeat(db, runId, attempt, 30);
    }

    void epochsDone(int n) {
        epochsDone = n;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
