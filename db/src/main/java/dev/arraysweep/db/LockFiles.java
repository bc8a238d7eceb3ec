package dev.arraysweep.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the database's access lock and a run's lock share: an operating-system lock on a file that also says,
 * as one JSON line, who holds it (pid, host, since, and what the holder adds), for whoever is refused.
 */
public final class LockFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LockFiles() {}

    /** {@return the lock of {@code channel}'s file, or null while a process (this one included) holds it} */
    public static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held within this JVM: the same answer as for another process
        }
    }

    /** Replaces the file's content by {@code fields} plus this process's pid, host and the time, forced to disk. */
    public static void writeHolder(FileChannel channel, Map<String, Object> fields, Clock clock) throws IOException {
        Map<String, Object> h = new LinkedHashMap<>(fields);
        h.put("pid", ProcessHandle.current().pid());
        h.put("host", Hosts.name());
        h.put("since", clock.instant().toString());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((JSON.writeValueAsString(h) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /** {@return what the holder of {@code file} wrote about itself, read as {@code type}; null when unknown} */
    public static <T> T readHolder(Path file, Class<T> type) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : JSON.readValue(text, type);
        } catch (IOException | RuntimeException e) {
            return null; // being written, or not ours
        }
    }
}
