package dev.arraysweep.db.repo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.LockFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The right to open an embedded database file: one process at a time, by an operating-system lock on a file
 * beside the database ({@code <name>.lock}), waited for with a bound.
 *
 * <p>H2 lets only one process open a file. Its {@code AUTO_SERVER} mode shares it by making the first opener a
 * server for the others, but the hand-over when that process exits is a race: commands and workers that start
 * or end at the same moment were refused ("in use", "Lock file recently modified", "Another process was
 * faster") or lost their connection mid-query. arraysweep's commands are short, so they take turns instead: a
 * command waits for the lock (the kernel releases it when a holder dies, even by {@code kill -9}), opens the
 * file as its only user, and closes it when done. Workers never open the file at all (they journal).
 *
 * <p>The holder writes who it is into the lock file, so a waiter can say what it waits for; a holder that
 * serves the database ({@code arraysweep db serve}) also writes the server's URL, and a waiter then connects
 * through it instead of waiting. Within one JVM the lock is shared by every user of the same file.
 */
public final class AccessLock {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, AccessLock> HELD = new ConcurrentHashMap<>();
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    /** Environment variable: seconds a command waits for another process to finish with the database. */
    static final String WAIT_ENV = "ARRAYSWEEP_DB_WAIT_SECONDS";

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(600);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private int users;

    private AccessLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Who holds a lock, as its holder wrote it; {@code server} is the URL of a holder that serves the database. */
    record Holder(String who, long pid, String host, String since, String server, String passwordFile) {
        String describe() {
            return (who == null ? "a process" : "`" + who + "`") + " (pid " + pid + " on " + host
                    + (since == null ? "" : ", since " + since) + ")";
        }
    }

    /** What acquiring gave: the lock, or the URL of the server that the holder runs for this database. */
    record Outcome(AccessLock lock, Holder server) {}

    /** {@return the lock file of the embedded database whose H2 name (the path without .mv.db) is {@code base}} */
    static Path lockFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".lock");
    }

    /**
     * Takes the lock for this process, waiting while another process holds it.
     *
     * @param who what this process is, written for waiters to read (e.g. {@code arraysweep status})
     * @param server the URL this process serves the database at, or null
     * @param followServer whether a holder that serves the database ends the wait ({@link Outcome#server})
     * @param waiting told once, after a second, whom this process waits for
     * @throws ExitException wrong state (3) when the lock is still held after {@code wait}
     */
    static Outcome acquire(
            Path lockFile,
            String who,
            String server,
            String passwordFile,
            Duration wait,
            boolean followServer,
            Consumer<String> waiting,
            Clock clock) {
        Path key = lockFile.toAbsolutePath().normalize();
        synchronized (MONITORS.computeIfAbsent(key, k -> new Object())) {
            AccessLock held = HELD.get(key);
            if (held != null) {
                held.users++;
                return new Outcome(held, null);
            }
            FileChannel channel = open(key);
            Instant start = clock.instant();
            long sleep = 20;
            boolean told = false;
            try {
                while (true) {
                    FileLock lock = LockFiles.tryLock(channel);
                    if (lock != null) {
                        AccessLock acquired = new AccessLock(key, channel, lock);
                        acquired.users = 1;
                        acquired.writeHolder(who, server, passwordFile, clock);
                        HELD.put(key, acquired);
                        return new Outcome(acquired, null);
                    }
                    Holder holder = readHolder(key);
                    if (followServer && holder != null && holder.server() != null) {
                        channel.close();
                        return new Outcome(null, holder);
                    }
                    Duration waited = Duration.between(start, clock.instant());
                    if (waited.compareTo(wait) >= 0) {
                        channel.close();
                        throw ExitException.wrongState("the database beside " + key + " is still in use by "
                                + (holder == null ? "another process" : holder.describe()) + " after waiting "
                                + wait.toSeconds() + " s; wait for it to finish (or stop it) and try again, or set "
                                + WAIT_ENV + " to wait longer");
                    }
                    if (!told && waited.toMillis() >= 1000) {
                        told = true;
                        waiting.accept("waiting for the database: it is in use by "
                                + (holder == null ? "another process" : holder.describe()));
                    }
                    Thread.sleep(sleep + ThreadLocalRandom.current().nextLong(sleep));
                    sleep = Math.min(250, sleep * 2);
                }
            } catch (IOException e) {
                closeQuietly(channel);
                throw ExitException.failure(
                        "cannot lock " + key + " to open the database: " + e.getMessage()
                                + " (the file system must support file locks)",
                        e);
            } catch (InterruptedException e) {
                closeQuietly(channel);
                Thread.currentThread().interrupt();
                throw ExitException.failure("interrupted while waiting for the database", e);
            }
        }
    }

    /**
     * Gives up this user's share; the last user runs {@code beforeUnlock} (closing the database) and then
     * releases the lock.
     */
    void release(Runnable beforeUnlock) {
        synchronized (MONITORS.computeIfAbsent(file, k -> new Object())) {
            if (--users > 0) {
                return;
            }
            HELD.remove(file);
            try {
                beforeUnlock.run();
            } finally {
                try {
                    channel.truncate(0);
                    lock.release();
                } catch (IOException e) {
                    // closing the channel below releases the lock all the same
                }
                closeQuietly(channel);
            }
        }
    }

    /**
     * {@return the lock of the embedded database named {@code base}, for a process that keeps it for a long time
     * ({@code db serve}, {@code db console}, {@code db compact})}: waits like any command, but a holder that
     * serves the database is an error here, not a server to follow
     */
    public static AccessLock hold(Path base, String who) {
        Outcome o = acquire(
                lockFile(base), who, null, null, Database.waitLimit(), true, System.err::println, Clock.systemUTC());
        if (o.server() != null) {
            throw ExitException.wrongState("the database " + base + " is in use: "
                    + o.server().describe() + " serves it at " + o.server().server() + "; stop that server first");
        }
        return o.lock();
    }

    /** Tells processes that wait for this database to connect through the server at {@code url} instead. */
    public void announceServer(String url, String passwordFile, String who) {
        try {
            writeHolder(who, url, passwordFile, Clock.systemUTC());
        } catch (IOException e) {
            throw ExitException.failure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Lets the lock go (the last user in this JVM releases it), running nothing before. */
    public void release() {
        release(() -> {});
    }

    /** {@return whether this JVM holds the lock of {@code lockFile}} */
    static boolean heldHere(Path lockFile) {
        return HELD.containsKey(lockFile.toAbsolutePath().normalize());
    }

    private static FileChannel open(Path key) {
        try {
            Files.createDirectories(key.getParent());
            return FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw ExitException.failure("cannot open " + key + " to lock the database: " + e.getMessage(), e);
        }
    }

    private void writeHolder(String who, String server, String passwordFile, Clock clock) throws IOException {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("who", who);
        if (server != null) {
            h.put("server", server);
            h.put("passwordFile", passwordFile);
        }
        LockFiles.writeHolder(channel, h, clock);
    }

    /** {@return who holds the lock of {@code lockFile}, as written there; null when unknown} */
    static Holder readHolder(Path lockFile) {
        return LockFiles.readHolder(lockFile, Holder.class);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
