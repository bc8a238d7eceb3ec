package dev.arraysweep.db.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash cut the journal's last line: the next attempt's events still start lines of their own. */
class JournalTornLineTest {
    @TempDir
    Path dir;

    private static JournalEvent event(String type, int attempt, int epochs) {
        return new JournalEvent(type, "s", 0, 1, attempt, 1000L * attempt, epochs, List.of(), null);
    }

    @Test
    void theNextAttemptsFirstEvent_isNotGluedToTheFragment() throws Exception {
        Path file = dir.resolve("0.jsonl");
        try (Journal j = Journal.open(file)) {
            j.append(event(JournalEvent.CLAIM, 1, 0));
            j.append(event(JournalEvent.EPOCH, 1, 1));
        }
        String full = Files.readString(file);
        // the crash: half of the next event reached the disk
        Files.writeString(file, "{\"type\":\"epoch\",\"sweep\":\"s\",\"ind", StandardOpenOption.APPEND);

        try (Journal j = Journal.open(file)) {
            j.append(event(JournalEvent.CLAIM, 2, 1));
            j.append(event(JournalEvent.DONE, 2, 2));
        }

        JournalReader.Chunk chunk = JournalReader.read(file, 0);
        assertThat(chunk.badLines()).isEqualTo(1);
        assertThat(chunk.events())
                .extracting(JournalEvent::type, JournalEvent::attempt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("claim", 1),
                                org.assertj.core.groups.Tuple.tuple("epoch", 1),
                        org.assertj.core.groups.Tuple.tuple("claim", 2),
                                org.assertj.core.groups.Tuple.tuple("done", 2));
        assertThat(chunk.endOffset()).isEqualTo(Files.size(file));
        assertThat(Files.readString(file)).startsWith(full);
        assertThat(JournalHistory.of(file)).isEqualTo(new JournalHistory(2, "done", 2));
    }

    @Test
    void aJournalEndingInANewline_isAppendedToUnchanged() throws Exception {
        Path file = dir.resolve("0.jsonl");
        try (Journal j = Journal.open(file)) {
            j.append(event(JournalEvent.CLAIM, 1, 0));
        }
        long size = Files.size(file);
        try (Journal j = Journal.open(file)) {
            assertThat(Files.size(file)).isEqualTo(size);
            j.append(event(JournalEvent.DONE, 1, 1));
        }
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines())
                .hasSize(2);
        assertThat(JournalReader.read(file, 0).badLines()).isZero();
    }
}
