package dev.arraysweep.db.journal;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.MetricRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Loads journals into the database idempotently: metric rows are upserts keyed on (run, epoch, split),
 * an attempt's end is applied only if that attempt still owns the run, and each file's ingested length
 * is remembered so that only new lines are read next time.
 *
 * <p>Built for thousands of journals and millions of rows: one connection per pass; the remembered lengths
 * are read in one query and a file that has not grown is not even opened; run ids are looked up once per
 * sweep; metric rows are written in batches, and files are committed in groups (each group's rows,
 * {@code epochs_done} updates and file positions in one transaction, so a crash loses nothing and
 * repeats nothing).
 */
public final class JournalIngest {
    private static final int BATCH = 2000;
    /** Metric rows per transaction; a group of files commits together once it holds this many. */
    private static final int GROUP_ROWS = 20_000;

    private final Database db;

    public JournalIngest(Database db) {
        this.db = db;
    }

    /** What one ingest pass did. */
    public record Result(int files, int events, int metricRows, int stateChanges, int badLines) {
    }

    /** Ingests every journal under {@code runsRoot} (a work directory's {@code runs} folder). */
    public Result ingestAll(Path runsRoot) {
        return ingest(JournalListing.of(runsRoot));
    }

    /** Ingests the new lines of one journal file. */
    public Result ingest(Path file) {
        return ingest(JournalListing.ofFile(file));
    }

    /** Ingests the new lines of the listed journals (listed beforehand, e.g. while the database opened). */
    public Result ingest(JournalListing journals) {
        try (Handle h = db.jdbi().open()) {
            Map<String, Long> positions = new HashMap<>();
            h.createQuery("SELECT path, bytes FROM journal_position")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> positions.put(e.getKey(), e.getValue()));
            Pass pass = new Pass(h);
            for (JournalListing.Entry file : journals.entries()) {
                long offset = positions.getOrDefault(file.key(), 0L);
                if (file.bytes() <= offset) {
                    continue; // nothing new: not opened, not parsed
                }
                JournalReader.Chunk chunk = JournalReader.read(file.path(), offset);
                pass.badLines += chunk.badLines();
                if (chunk.events().isEmpty() && chunk.endOffset() == offset) {
                    continue; // only an incomplete last line so far
                }
                pass.add(file.key(), chunk);
            }
            pass.commit();
            return new Result(journals.size(), pass.events, pass.metricRows, pass.stateChanges, pass.badLines);
        }
    }

    /** The state of one ingest pass: the run ids seen so far and the group of files not yet committed. */
    private static final class Pass {
        private final Handle h;
        private final Map<String, Map<Integer, Long>> runIds = new HashMap<>();
        private final Map<String, JournalReader.Chunk> group = new LinkedHashMap<>();
        private int groupRows;
        int events;
        int metricRows;
        int stateChanges;
        int badLines;

        Pass(Handle h) {
            this.h = h;
        }

        void add(String key, JournalReader.Chunk chunk) {
            group.put(key, chunk);
            for (JournalEvent e : chunk.events()) {
                groupRows += e.metrics().size();
            }
            if (groupRows >= GROUP_ROWS) {
                commit();
            }
        }

        void commit() {
            if (group.isEmpty()) {
                return;
            }
            h.useTransaction(tx -> {
                List<EpochMetrics> pending = new ArrayList<>();
                Map<Long, Integer> epochsDone = new LinkedHashMap<>();
                PreparedBatch positions = tx.prepareBatch("MERGE INTO journal_position(path, bytes) KEY(path)"
                        + " VALUES (:p, :b)");
                for (Map.Entry<String, JournalReader.Chunk> file : group.entrySet()) {
                    for (JournalEvent e : file.getValue().events()) {
                        events++;
                        Long runId = runId(e);
                        if (runId == null) {
                            continue;
                        }
                        switch (e.type()) {
                            case JournalEvent.EPOCH -> {
                                e.metrics().forEach(m -> pending.add(m.withRunId(runId)));
                                epochsDone.merge(runId, e.epochsDone(), Math::max);
                                if (pending.size() >= BATCH) {
                                    metricRows += pending.size();
                                    MetricRepository.upsert(tx, pending);
                                    pending.clear();
                                }
                            }
                            case JournalEvent.DONE, JournalEvent.FAILED, JournalEvent.PREEMPTED ->
                                    stateChanges += endAttempt(tx, runId, e);
                            default -> {
                                // claims are informational: the database saw them before the journal did
                            }
                        }
                    }
                    positions.bind("p", file.getKey()).bind("b", file.getValue().endOffset()).add();
                }
                metricRows += pending.size();
                if (!pending.isEmpty()) {
                    MetricRepository.upsert(tx, pending);
                }
                // epochs_done only grows (GREATEST), so one update per run with the largest value seen is the
                // same as one per event
                PreparedBatch done = tx.prepareBatch("UPDATE run SET epochs_done = GREATEST(epochs_done, :d)"
                        + " WHERE id = :id");
                epochsDone.forEach((id, d) -> done.bind("d", d).bind("id", id).add());
                if (!epochsDone.isEmpty()) {
                    done.execute();
                }
                positions.execute();
            });
            group.clear();
            groupRows = 0;
        }

        /** {@return the id of the run an event belongs to, or null when the database has no such run} */
        private Long runId(JournalEvent e) {
            Map<Integer, Long> ids = runIds.computeIfAbsent(e.sweep(), sweep -> {
                Map<Integer, Long> m = new HashMap<>();
                h.createQuery("SELECT r.array_index, r.id FROM run r JOIN sweep s ON s.id = r.sweep_id"
                                + " WHERE s.name = :n").bind("n", sweep)
                        .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getLong(2)))
                        .forEach(en -> m.put(en.getKey(), en.getValue()));
                return m;
            });
            return ids.get(e.index());
        }
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
