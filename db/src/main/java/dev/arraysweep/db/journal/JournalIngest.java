package dev.arraysweep.db.journal;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.MetricRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Loads journals into the database idempotently: metric rows are upserts keyed on (run, epoch, split),
 * an attempt's end is applied only if that attempt still owns the run, and each file's ingested length
 * is remembered so that only new lines are read next time.
 */
public final class JournalIngest {
    private static final int BATCH = 2000;

    private final Database db;

    public JournalIngest(Database db) {
        this.db = db;
    }

    /** What one ingest pass did. */
    public record Result(int files, int events, int metricRows, int stateChanges, int badLines) {
    }

    /** Ingests every journal under {@code runsRoot} (a work directory's {@code runs} folder). */
    public Result ingestAll(Path runsRoot) {
        if (!Files.isDirectory(runsRoot)) {
            return new Result(0, 0, 0, 0, 0);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(runsRoot, 3)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl") && p.getParent().getFileName().toString()
                    .equals("journal")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list journals under " + runsRoot, e);
        }
        int events = 0;
        int rows = 0;
        int changes = 0;
        int bad = 0;
        for (Path f : files) {
            Result r = ingest(f);
            events += r.events();
            rows += r.metricRows();
            changes += r.stateChanges();
            bad += r.badLines();
        }
        return new Result(files.size(), events, rows, changes, bad);
    }

    /** Ingests the new lines of one journal file. */
    public Result ingest(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        long offset = db.jdbi().withHandle(h -> h.createQuery("SELECT bytes FROM journal_position WHERE path = :p")
                .bind("p", key).mapTo(Long.class).findOne().orElse(0L));
        JournalReader.Chunk chunk = JournalReader.read(file, offset);
        if (chunk.events().isEmpty() && chunk.endOffset() == offset) {
            return new Result(1, 0, 0, 0, chunk.badLines());
        }
        int[] counts = new int[2];
        db.jdbi().useTransaction(h -> {
            List<EpochMetrics> pending = new ArrayList<>();
            for (JournalEvent e : chunk.events()) {
                Optional<Long> runId = runId(h, e);
                if (runId.isEmpty()) {
                    continue;
                }
                switch (e.type()) {
                    case JournalEvent.EPOCH -> {
                        e.metrics().forEach(m -> pending.add(m.withRunId(runId.get())));
                        h.createUpdate("UPDATE run SET epochs_done = GREATEST(epochs_done, :d) WHERE id = :id")
                                .bind("d", e.epochsDone()).bind("id", runId.get()).execute();
                        if (pending.size() >= BATCH) {
                            counts[0] += pending.size();
                            MetricRepository.upsert(h, pending);
                            pending.clear();
                        }
                    }
                    case JournalEvent.DONE, JournalEvent.FAILED, JournalEvent.PREEMPTED ->
                            counts[1] += endAttempt(h, runId.get(), e);
                    default -> {
                        // claims are informational: the database saw them before the journal did
                    }
                }
            }
            counts[0] += pending.size();
            MetricRepository.upsert(h, pending);
            h.createUpdate("MERGE INTO journal_position(path, bytes) KEY(path) VALUES (:p, :b)")
                    .bind("p", key).bind("b", chunk.endOffset()).execute();
        });
        return new Result(1, chunk.events().size(), counts[0], counts[1], chunk.badLines());
    }

    private static Optional<Long> runId(Handle h, JournalEvent e) {
        return h.createQuery("SELECT r.id FROM run r JOIN sweep s ON s.id = r.sweep_id"
                        + " WHERE s.name = :n AND r.array_index = :i").bind("n", e.sweep()).bind("i", e.index())
                .mapTo(Long.class).findOne();
    }

    private static int endAttempt(Handle h, long runId, JournalEvent e) {
        // The attempt that wrote the event ends, unless a later attempt has taken the run since.
        return h.createUpdate("UPDATE run SET state = :s, attempt = :a, error_text = :err,"
                        + " epochs_done = GREATEST(epochs_done, :d)"
                        + " WHERE id = :id AND (attempt < :a OR (attempt = :a AND state IN ('running','lost','pending')))")
                .bind("s", e.type()).bind("a", e.attempt()).bind("err", e.detail()).bind("d", e.epochsDone())
                .bind("id", runId).execute();
    }
}
