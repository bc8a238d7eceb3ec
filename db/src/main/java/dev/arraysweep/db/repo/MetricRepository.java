package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.EpochWork;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.db.model.ImportanceFigures;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.repo.MetricDao.Key;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Writes and reads {@code epoch_metric}; writes are upserts keyed on (run, epoch, split), so replays are harmless.
 * Reads go through {@link MetricDao}; writes are plain JDBC batches (see {@link #upsertRecorded(Handle, List)}).
 *
 * <p>{@code recorded_at} is when the epoch was recorded: the time of the journal event that carries its rows
 * (written right after the epoch ended), not when a batch of rows reached the database. Journal ingest and a
 * worker writing live both pass that time ({@link Recorded}), so an epoch gets the same {@code recorded_at}
 * however it arrived. Only rows written without an event ({@link #upsert(List)}, tests and benchmarks) take the
 * time of the write.
 */
public final class MetricRepository {
    private static final String COLUMNS = "run_id, epoch, split, attempt, accuracy, mean_loss, best_loss, worst_loss,"
            + " q50_loss, q90_loss, q99_loss, sample_count, epoch_seconds, wall_seconds, learning_rate, raw_forwarded,"
            + " accepted, trained, overflow_discarded, steps, mean_raw_batches_per_step, acceptance_ratio,"
            + " min_step_size, max_step_size, score_min, score_q10, score_q50, score_q90, score_max, weight_max,"
            + " weight_ess, train_seconds, eval_seconds, sampling_seconds, sampled_loss, host_memory_bytes,"
            + " device_memory_bytes, gpu_utilization, gpu_temperature, gpu_power_watts, gpu_memory_used_bytes,"
            + " gpu_readings, recorded_at";
    private static final String MARKS = "?" + ", ?".repeat(42);
    private static final String INSERT = "INSERT INTO epoch_metric(" + COLUMNS + ") VALUES (" + MARKS + ")";
    private static final String MERGE =
            "MERGE INTO epoch_metric(" + COLUMNS + ") KEY(run_id, epoch, split)" + " VALUES (" + MARKS + ")";

    /** A metric row and when its epoch was recorded (its journal event's time). */
    public record Recorded(EpochMetrics metrics, Instant at) {}

    private final Jdbi jdbi;

    MetricRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Upserts metric rows in one batch and one transaction, recorded now. */
    public void upsert(List<EpochMetrics> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> upsert(h, rows));
    }

    /** Upserts metric rows on an open handle, recorded now (rows that come without a journal event). */
    public static void upsert(Handle h, List<EpochMetrics> rows) {
        Instant now = Instant.now();
        upsertRecorded(h, rows.stream().map(m -> new Recorded(m, now)).toList());
    }

    /**
     * Upserts metric rows on an open handle (for callers batching several writes in one transaction). The
     * result is that of one MERGE per row, in order; but rows whose key is not stored yet (a journal written
     * while the database was away) are inserted, which H2 does about 2.5 times faster than it merges.
     *
     * <p>Both statements are plain JDBC batches with positional parameters, not a {@code @SqlBatch}: with 27
     * columns a row, JDBI's per-value binding cost more than H2's insert itself when ingesting large journals.
     */
    public static void upsertRecorded(Handle h, List<Recorded> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<Key> stored = storedKeys(h, rows);
        List<Recorded> fresh = new ArrayList<>();
        List<Recorded> known = new ArrayList<>();
        Set<Key> inserting = new HashSet<>();
        for (Recorded r : rows) {
            EpochMetrics m = r.metrics();
            Key k = new Key(m.runId(), m.epoch(), m.split());
            // a key seen again in this batch is merged after the insert, so the last row wins, as with MERGE
            (stored.contains(k) || !inserting.add(k) ? known : fresh).add(r);
        }
        write(h, INSERT, fresh);
        write(h, MERGE, known);
    }

    private static Set<Key> storedKeys(Handle h, List<Recorded> rows) {
        Set<Long> runs = new TreeSet<>();
        rows.forEach(r -> runs.add(r.metrics().runId()));
        return new HashSet<>(h.attach(MetricDao.class).storedKeys(new ArrayList<>(runs)));
    }

    /** Writes rows with positional JDBC parameters (JDBI's named binding cost more than H2's insert here). */
    private static void write(Handle h, String sql, List<Recorded> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            for (Recorded r : rows) {
                EpochMetrics m = r.metrics();
                SamplerFigures s = m.sampler();
                int i = 1;
                st.setLong(i++, m.runId());
                st.setInt(i++, m.epoch());
                st.setString(i++, m.split());
                st.setInt(i++, m.attempt());
                st.setDouble(i++, m.accuracy());
                st.setDouble(i++, m.meanLoss());
                st.setDouble(i++, m.bestLoss());
                st.setDouble(i++, m.worstLoss());
                st.setDouble(i++, m.q50Loss());
                st.setDouble(i++, m.q90Loss());
                st.setDouble(i++, m.q99Loss());
                st.setLong(i++, m.sampleCount());
                st.setDouble(i++, m.epochSeconds());
                st.setDouble(i++, m.wallSeconds());
                st.setDouble(i++, m.learningRate());
                st.setLong(i++, s.rawForwarded());
                st.setLong(i++, s.accepted());
                st.setLong(i++, s.trained());
                st.setLong(i++, s.overflowDiscarded());
                st.setLong(i++, s.steps());
                st.setDouble(i++, s.meanRawBatchesPerStep());
                st.setDouble(i++, s.acceptanceRatio());
                st.setObject(i++, s.minStepSize(), Types.BIGINT);
                st.setObject(i++, s.maxStepSize(), Types.BIGINT);
                ImportanceFigures f = s.importance();
                st.setObject(i++, f == null ? null : f.scoreMin(), Types.DOUBLE);
                st.setObject(i++, f == null ? null : f.scoreQ10(), Types.DOUBLE);
                st.setObject(i++, f == null ? null : f.scoreQ50(), Types.DOUBLE);
                st.setObject(i++, f == null ? null : f.scoreQ90(), Types.DOUBLE);
                st.setObject(i++, f == null ? null : f.scoreMax(), Types.DOUBLE);
                st.setObject(i++, f == null ? null : f.weightMax(), Types.DOUBLE);
                st.setObject(i++, f == null ? null : f.weightEss(), Types.DOUBLE);
                EpochWork w = s.work();
                st.setObject(i++, w == null ? null : w.trainSeconds(), Types.DOUBLE);
                st.setObject(i++, w == null ? null : w.evalSeconds(), Types.DOUBLE);
                st.setObject(i++, w == null ? null : w.samplingSeconds(), Types.DOUBLE);
                st.setObject(i++, w == null ? null : w.sampledLoss(), Types.DOUBLE);
                st.setObject(i++, m.hostMemoryBytes(), Types.BIGINT);
                st.setObject(i++, m.deviceMemoryBytes(), Types.BIGINT);
                GpuFigures g = m.gpu();
                st.setObject(i++, g == null ? null : g.utilizationPercent(), Types.DOUBLE);
                st.setObject(i++, g == null ? null : g.temperatureC(), Types.DOUBLE);
                st.setObject(i++, g == null ? null : g.powerWatts(), Types.DOUBLE);
                st.setObject(i++, g == null ? null : g.memoryUsedBytes(), Types.BIGINT);
                st.setObject(i++, g == null ? null : g.readings(), Types.INTEGER);
                st.setObject(i, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** {@return every metric row of a run, by epoch and split} */
    public List<EpochMetrics> forRun(long runId) {
        return jdbi.onDemand(MetricDao.class).forRun(runId);
    }

    /** {@return the number of metric rows of a sweep} */
    public long countForSweep(long sweepId) {
        return jdbi.onDemand(MetricDao.class).countForSweep(sweepId);
    }
}
