package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.SamplerFigures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes and reads {@code epoch_metric}; writes are upserts keyed on (run, epoch, split), so replays are harmless. */
public final class MetricRepository {
    private static final String UPSERT = "MERGE INTO epoch_metric(run_id, epoch, split, attempt, accuracy, mean_loss,"
            + " best_loss, worst_loss, q50_loss, q90_loss, q99_loss, sample_count, epoch_seconds, wall_seconds,"
            + " learning_rate, raw_forwarded, accepted, trained, overflow_discarded, steps, mean_raw_batches_per_step,"
            + " acceptance_ratio, host_memory_bytes, device_memory_bytes, recorded_at) KEY(run_id, epoch, split)"
            + " VALUES (:runId, :epoch, :split, :attempt, :accuracy, :meanLoss, :bestLoss, :worstLoss, :q50, :q90,"
            + " :q99, :count, :epochSeconds, :wallSeconds, :lr, :raw, :accepted, :trained, :overflow, :steps,"
            + " :rawPerStep, :acceptance, :host, :device, :now)";

    static final RowMapper<EpochMetrics> MAPPER = (rs, ctx) -> new EpochMetrics(rs.getLong("run_id"),
            rs.getInt("attempt"), rs.getInt("epoch"), rs.getString("split"), rs.getDouble("accuracy"),
            rs.getDouble("mean_loss"), rs.getDouble("best_loss"), rs.getDouble("worst_loss"),
            rs.getDouble("q50_loss"), rs.getDouble("q90_loss"), rs.getDouble("q99_loss"), rs.getLong("sample_count"),
            rs.getDouble("epoch_seconds"), rs.getDouble("wall_seconds"), rs.getDouble("learning_rate"),
            new SamplerFigures(rs.getLong("raw_forwarded"), rs.getLong("accepted"), rs.getLong("trained"),
                    rs.getLong("overflow_discarded"), rs.getLong("steps"), rs.getDouble("mean_raw_batches_per_step"),
                    rs.getDouble("acceptance_ratio")),
            (Long) rs.getObject("host_memory_bytes", Long.class), (Long) rs.getObject("device_memory_bytes", Long.class));

    private final Jdbi jdbi;

    MetricRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Upserts metric rows in one batch and one transaction. */
    public void upsert(List<EpochMetrics> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> upsert(h, rows));
    }

    /** Upserts metric rows on an open handle (for callers batching several writes in one transaction). */
    public static void upsert(Handle h, List<EpochMetrics> rows) {
        PreparedBatch b = h.prepareBatch(UPSERT);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (EpochMetrics m : rows) {
            SamplerFigures s = m.sampler();
            b.bind("runId", m.runId()).bind("epoch", m.epoch()).bind("split", m.split()).bind("attempt", m.attempt())
                    .bind("accuracy", m.accuracy()).bind("meanLoss", m.meanLoss()).bind("bestLoss", m.bestLoss())
                    .bind("worstLoss", m.worstLoss()).bind("q50", m.q50Loss()).bind("q90", m.q90Loss())
                    .bind("q99", m.q99Loss()).bind("count", m.sampleCount()).bind("epochSeconds", m.epochSeconds())
                    .bind("wallSeconds", m.wallSeconds()).bind("lr", m.learningRate()).bind("raw", s.rawForwarded())
                    .bind("accepted", s.accepted()).bind("trained", s.trained())
                    .bind("overflow", s.overflowDiscarded()).bind("steps", s.steps())
                    .bind("rawPerStep", s.meanRawBatchesPerStep()).bind("acceptance", s.acceptanceRatio())
                    .bind("host", m.hostMemoryBytes()).bind("device", m.deviceMemoryBytes()).bind("now", now).add();
        }
        b.execute();
    }

    /** {@return every metric row of a run, by epoch and split} */
    public List<EpochMetrics> forRun(long runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM epoch_metric WHERE run_id = :r ORDER BY epoch, split")
                .bind("r", runId).map(MAPPER).list());
    }

    /** {@return the number of metric rows of a sweep} */
    public long countForSweep(long sweepId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM epoch_metric m JOIN run r ON r.id = m.run_id"
                + " WHERE r.sweep_id = :s").bind("s", sweepId).mapTo(Long.class).one());
    }
}
