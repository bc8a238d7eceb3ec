package dev.arraysweep.db.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.EnvValues;
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
import java.util.Map;
import java.util.Optional;

/**
 * The right to train one run: an operating-system lock on {@code runs/<sweep>/locks/<index>.lock}, held for the
 * whole life of the worker that trains it. A second worker for the same run (a task submitted twice, a manual
 * {@code worker run} beside a Slurm task, a requeued task beside a predecessor that still lives) cannot take
 * it, with or without a database; the kernel releases it when its holder dies, even by {@code kill -9}, so a
 * requeued task after a crash takes it at once. The file's modification time is the worker's heartbeat
 * ({@link #touch}), which {@code ingest} copies into the database.
 */
public final class RunLock implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Environment variable: seconds a worker waits for the run's lock before it refuses (default 10). */
    public static final String WAIT_ENV = "ARRAYSWEEP_RUN_LOCK_WAIT_SECONDS";

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of one run, waiting up to {@code wait} for a holder to let go.
     *
     * @param owner what this worker is, written into the file for whoever is refused (job id, attempt, ...)
     * @return the lock, or empty when another process still holds it after {@code wait}
     */
    public static Optional<RunLock> tryAcquire(Path file, Map<String, Object> owner, Duration wait, Clock clock) {
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw ExitException.failure("cannot open the run's lock file " + file + ": " + e.getMessage(), e);
        }
        Instant deadline = clock.instant().plus(wait);
        try {
            while (true) {
                FileLock lock = LockFiles.tryLock(channel);
                if (lock != null) {
                    RunLock held = new RunLock(file, channel, lock);
                    LockFiles.writeHolder(channel, owner, clock);
                    return Optional.of(held);
                }
                if (!clock.instant().isBefore(deadline)) {
                    channel.close();
                    return Optional.empty();
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            close(channel);
            throw ExitException.failure(
                    "cannot lock " + file + ": " + e.getMessage() + " (the work directory's file"
                            + " system must support file locks: on Lustre mount with -o flock)",
                    e);
        } catch (InterruptedException e) {
            close(channel);
            Thread.currentThread().interrupt();
            throw ExitException.failure("interrupted while waiting for the lock " + file, e);
        }
    }

    /**
     * {@return whether a process holds the lock at {@code file} now} False when there is no such file or nobody
     * holds it (its worker has ended, or died: the kernel let go of the lock), true when it is held or cannot be
     * told (a file that cannot be opened is not taken as free). Takes the lock for an instant when it is free.
     */
    public static boolean isHeld(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = LockFiles.tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** {@return the wait for a run's lock: {@code ARRAYSWEEP_RUN_LOCK_WAIT_SECONDS}, else 10 s} */
    public static Duration waitFrom(Map<String, String> env) {
        return EnvValues.seconds(env, WAIT_ENV, DEFAULT_WAIT);
    }

    /** {@return what the holder of the lock at {@code file} wrote about itself, or an empty map} */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> holder(Path file) {
        Map<String, Object> h = LockFiles.readHolder(file, Map.class);
        return h == null ? Map.of() : h;
    }

    /**
     * {@return what the holder of the lock at {@code file} wrote about itself, waiting up to {@code patience}
     * for it to be written: a holder that has just taken the lock writes its line a moment later}
     */
    public static Map<String, Object> holder(Path file, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, Object> h = holder(file);
        while (h.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return h;
            }
            h = holder(file);
        }
        return h;
    }

    /** {@return the last heartbeat of the worker holding (or last holding) the lock at {@code file}, if any} */
    public static Optional<Instant> heartbeat(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Records a heartbeat: the lock file's modification time becomes {@code now}. By the file's path
     * ({@code utimes}), never by opening it: a POSIX lock belongs to the process and is let go when the process
     * closes any descriptor of the file, and {@code Files.setLastModifiedTime} opens and closes one, which released
     * the run's lock at the first heartbeat, 30 s into every run.
     */
    public void touch(Instant now) {
        // a missed heartbeat is harmless (false: not set); the next one comes in 30 s
        file.toFile().setLastModified(now.toEpochMilli());
    }

    /** {@return the lock file} */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it as well
        }
        close(channel);
    }

    private static void close(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
