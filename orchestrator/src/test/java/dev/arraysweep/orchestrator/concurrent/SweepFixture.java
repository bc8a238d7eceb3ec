package dev.arraysweep.orchestrator.concurrent;

import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalReader;
import dev.arraysweep.db.repo.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small Fashion-MNIST sweep expanded into a work directory, and what the tests read back from it. */
final class SweepFixture {
    private SweepFixture() {}

    /**
     * Writes and expands (as a separate {@code arraysweep expand} process) a sweep of {@code runs} LeNet runs of
     * {@code epochs} epochs on 1,000 training images; {@return the sweep file}
     */
    static Path expand(Processes p, Path dir, String name, int runs, int epochs) throws Exception {
        return expand(p, dir, name, runs, epochs, 1000);
    }

    /** As {@link #expand(Processes, Path, String, int, int)}, on {@code trainLimit} training images. */
    static Path expand(Processes p, Path dir, String name, int runs, int epochs, int trainLimit) throws Exception {
        StringBuilder seeds = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            seeds.append(i == 0 ? "" : ", ").append(i);
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(
                file,
                """
                name: %s
                base:
                  dataset: fashion-mnist
                  model: lenet
                  epochs: %d
                  batch_size: 50
                  learning_rate: 0.05
                  train_limit: %d
                  test_limit: 200
                  batch_filtering: false
                seeds: [%s]
                """
                        .formatted(name, epochs, trainLimit, seeds));
        Processes.Started expand = p.arraysweep("expand", file.toString());
        if (expand.exit(120) != 0) {
            throw new AssertionError("expand failed:\n" + expand.output());
        }
        return file;
    }

    /** Waits until the journal at {@code journal} holds an epoch event; false when {@code seconds} passed first. */
    static boolean awaitEpoch(Path journal, long seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(journal)
                    && JournalReader.read(journal, 0).events().stream()
                            .anyMatch(e -> e.type().equals(JournalEvent.EPOCH))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** {@return rows of {@code sql} from the database at {@code url}} */
    static List<Map<String, Object>> query(String url, String sql) {
        try (Database db = Database.open(url)) {
            return db.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list());
        }
    }

    /** {@return what a process printed, for assertion messages} */
    static String output(Processes.Started s) {
        try {
            return s.what() + ":\n" + s.output();
        } catch (IOException e) {
            return s.what() + ": " + e;
        }
    }
}
