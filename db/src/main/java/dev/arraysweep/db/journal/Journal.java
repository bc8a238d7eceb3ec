package dev.arraysweep.db.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only JSONL journal of one array task. Every event is written and forced to disk before
 * the database hears of it, so nothing the worker measured is lost when the database is unreachable.
 */
public final class Journal implements AutoCloseable {
    static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path path;
    private final FileChannel channel;

    private Journal(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * {@return the journal at {@code path}, opened for appending (created with its folders if missing)}
     *
     * <p>A last line that a crash cut short is ended first, so the next event starts a line of its own: the
     * fragment is then one unreadable line that ingest counts and skips, and every complete event is read.
     */
    public static Journal open(Path path) {
        try {
            Files.createDirectories(path.getParent());
            FileChannel channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (endsInsideALine(path)) {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
            return new Journal(path, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + path, e);
        }
    }

    private static boolean endsInsideALine(Path path) throws IOException {
        try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = read.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** Appends one event as a line and forces it to disk. */
    public synchronized void append(JournalEvent event) {
        try {
            byte[] line = (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + path, e);
        }
    }

    /** {@return the journal's file} */
    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
