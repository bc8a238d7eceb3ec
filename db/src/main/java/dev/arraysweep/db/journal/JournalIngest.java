package dev.arraysweep.db.journal;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.MetricRepository;
import dev.arraysweep.db.task.RunLock;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    public record Result(int files, int events, int metricRows, int stateChanges, int badLines) {}

    /**
     * Ingests every journal under {@code runsRoot} (a work directory's {@code runs} folder) and refreshes the
     * heartbeats of running runs ({@link #refreshHeartbeats}).
     */
    public Result ingestAll(Path runsRoot) {
        Result r = ingest(JournalListing.of(runsRoot));
        refreshHeartbeats(runsRoot);
        return r;
    }

    /**
     * Copies each running run's heartbeat from its worker's lock file ({@link dev.arraysweep.db.task.RunLock}:
     * a worker touches it every 30 s) into {@code run.heartbeat_at}, so that staleness means the same for
     * workers that write only their journal as for those that write to the database. One query and one
     * {@code stat} per running run.
     *
     * @return how many heartbeats moved forward
     */
    public int refreshHeartbeats(Path runsRoot) {
        try (Handle h = db.jdbi().open()) {
            List<Object[]> running = h.createQuery("SELECT r.id, s.name, r.array_index, r.heartbeat_at FROM run r"
                            + " JOIN sweep s ON s.id = r.sweep_id WHERE r.state = 'running'")
                    .map((rs, ctx) -> new Object[] {
                        rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class)
                    })
                    .list();
            PreparedBatch batch = h.prepareBatch("UPDATE run SET heartbeat_at = :at WHERE id = :id AND state ="
                    + " 'running' AND (heartbeat_at IS NULL OR heartbeat_at < :at)");
            int n = 0;
            for (Object[] r : running) {
                var beat = RunLock.heartbeat(Workspace.runLockIn(runsRoot, (String) r[1], (Integer) r[2]));
                var known = (OffsetDateTime) r[3];
                if (beat.isPresent() && (known == null || beat.get().isAfter(known.toInstant()))) {
                    batch.bind("at", OffsetDateTime.ofInstant(beat.get(), ZoneOffset.UTC))
                            .bind("id", (Long) r[0])
                            .add();
                    n++;
                }
            }
            if (n > 0) {
                batch.execute();
            }
            return n;
        }
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
                List<MetricRepository.Recorded> pending = new ArrayList<>();
                Map<Long, JournalEvent> lastEpoch = new LinkedHashMap<>();
                PreparedBatch positions =
                        tx.prepareBatch("MERGE INTO journal_position(path, bytes) KEY(path)" + " VALUES (:p, :b)");
                for (Map.Entry<String, JournalReader.Chunk> file : group.entrySet()) {
                    for (JournalEvent e : file.getValue().events()) {
                        events++;
                        Long runId = runId(e);
                        if (runId == null) {
                            continue;
                        }
                        if (e.type().equals(JournalEvent.EPOCH)) {
                            pending.addAll(JournalApply.recorded(runId, e));
                            lastEpoch.merge(runId, e, (a, b) -> b.epochsDone() >= a.epochsDone() ? b : a);
                            if (pending.size() >= BATCH) {
                                metricRows += pending.size();
                                MetricRepository.upsertRecorded(tx, pending);
                                pending.clear();
                            }
                        } else {
                            // a claim or an attempt's end: epochs before it must be counted first
                            flushEpochs(tx, lastEpoch);
                            stateChanges += JournalApply.apply(tx, runId, e);
                        }
                    }
                    positions
                            .bind("p", file.getKey())
                            .bind("b", file.getValue().endOffset())
                            .add();
                }
                metricRows += pending.size();
                if (!pending.isEmpty()) {
                    MetricRepository.upsertRecorded(tx, pending);
                }
                flushEpochs(tx, lastEpoch);
                positions.execute();
            });
            group.clear();
            groupRows = 0;
        }

        /**
         * Epochs done only grow, so one update per run with the largest value seen is the same as one per
         * event; it also carries that epoch's time into the heartbeat of a running attempt.
         */
        private static void flushEpochs(Handle tx, Map<Long, JournalEvent> lastEpoch) {
            if (lastEpoch.isEmpty()) {
                return;
            }
            PreparedBatch batch = tx.prepareBatch(JournalApply.EPOCHS_DONE);
            lastEpoch.forEach(
                    (id, e) -> JournalApply.bindEpochsDone(batch, id, e.attempt(), e.epochsDone(), e.atMillis())
                            .add());
            batch.execute();
            lastEpoch.clear();
        }

        /** {@return the id of the run an event belongs to, or null when the database has no such run} */
        private Long runId(JournalEvent e) {
            Map<Integer, Long> ids = runIds.computeIfAbsent(e.sweep(), sweep -> {
                Map<Integer, Long> m = new HashMap<>();
                h.createQuery("SELECT r.array_index, r.id FROM run r JOIN sweep s ON s.id = r.sweep_id"
                                + " WHERE s.name = :n")
                        .bind("n", sweep)
                        .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getLong(2)))
                        .forEach(en -> m.put(en.getKey(), en.getValue()));
                return m;
            });
            return ids.get(e.index());
        }
    }
}
