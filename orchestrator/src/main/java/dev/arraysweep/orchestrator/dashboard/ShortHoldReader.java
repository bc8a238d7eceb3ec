package dev.arraysweep.orchestrator.dashboard;

import dev.arraysweep.db.repo.Database;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link DatabaseReader} that keeps the database it opens for one short poll cycle: the requests that arrive
 * within {@link #HOLD} of its opening share it (the page asks for several answers at once: the sweeps, the run
 * table, a few curve panels), and it is closed then, or at the first request after, so the embedded file is never
 * held for much longer than that. The workers' journals are ingested when it opens, so an answer is at most one
 * hold older than the journals. Requests take turns.
 */
public final class ShortHoldReader implements DatabaseReader, AutoCloseable {
    /** How long an opened database serves requests. */
    public static final Duration HOLD = Duration.ofSeconds(1);

    private final Supplier<Database> open;
    private final Consumer<Database> close;
    private final long holdNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arraysweep-dashboard-close");
        t.setDaemon(true);
        return t;
    });
    private Database db;
    private long openedAt;

    /**
     * @param open opens the database, journals ingested
     * @param close closes what {@code open} opened
     * @param hold how long one opening serves requests
     */
    public ShortHoldReader(Supplier<Database> open, Consumer<Database> close, Duration hold) {
        this.open = open;
        this.close = close;
        this.holdNanos = hold.toNanos();
    }

    @Override
    public synchronized <T> T read(Function<Database, T> read) {
        if (db != null && System.nanoTime() - openedAt >= holdNanos) {
            closeNow();
        }
        if (db == null) {
            db = open.get();
            openedAt = System.nanoTime();
            timer.schedule(this::expire, holdNanos, TimeUnit.NANOSECONDS);
        }
        return read.apply(db);
    }

    /** Closes the database when its hold is over (an earlier opening's timer leaves a later one open). */
    private synchronized void expire() {
        if (db != null && System.nanoTime() - openedAt >= holdNanos) {
            closeNow();
        }
    }

    private void closeNow() {
        Database d = db;
        db = null;
        close.accept(d);
    }

    /** Closes the database if it is open and stops the timer. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (db != null) {
            closeNow();
        }
    }
}
