package dev.arraysweep.db.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads journal events from a byte offset; an incomplete last line (a crash mid-write) is left for later. */
public final class JournalReader {
    private JournalReader() {}

    /** The events read and the offset just past the last complete line. */
    public record Chunk(List<JournalEvent> events, long endOffset, int badLines) {}

    /** {@return the complete events of {@code path} after byte {@code offset}} */
    public static Chunk read(Path path, long offset) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size <= offset) {
                return new Chunk(List.of(), offset, 0);
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, size - offset));
            ch.position(offset);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // keep reading
            }
            byte[] bytes = buf.array();
            int limit = buf.position();
            List<JournalEvent> events = new ArrayList<>();
            int start = 0;
            int bad = 0;
            for (int i = 0; i < limit; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
                    if (!line.isEmpty()) {
                        try {
                            events.add(Journal.JSON.readValue(line, JournalEvent.class));
                        } catch (IOException e) {
                            bad++;
                        }
                    }
                    start = i + 1;
                }
            }
            return new Chunk(events, offset + start, bad);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + path, e);
        }
    }
}
