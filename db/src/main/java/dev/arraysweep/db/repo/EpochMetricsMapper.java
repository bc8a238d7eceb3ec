package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.EpochWork;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.db.model.ImportanceFigures;
import dev.arraysweep.db.model.SamplerFigures;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads an {@code epoch_metric} row, its sampler figures nested, its memory figures possibly null.
 * JDBI instantiates it from a {@code @Register...Mapper} annotation, hence public.
 */
public final class EpochMetricsMapper implements RowMapper<EpochMetrics> {
    @Override
    public EpochMetrics map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new EpochMetrics(
                rs.getLong("run_id"),
                rs.getInt("attempt"),
                rs.getInt("epoch"),
                rs.getString("split"),
                rs.getDouble("accuracy"),
                rs.getDouble("mean_loss"),
                rs.getDouble("best_loss"),
                rs.getDouble("worst_loss"),
                rs.getDouble("q50_loss"),
                rs.getDouble("q90_loss"),
                rs.getDouble("q99_loss"),
                rs.getLong("sample_count"),
                rs.getDouble("epoch_seconds"),
                rs.getDouble("wall_seconds"),
                rs.getDouble("learning_rate"),
                new SamplerFigures(
                        rs.getLong("raw_forwarded"),
                        rs.getLong("accepted"),
                        rs.getLong("trained"),
                        rs.getLong("overflow_discarded"),
                        rs.getLong("steps"),
                        rs.getDouble("mean_raw_batches_per_step"),
                        rs.getDouble("acceptance_ratio"),
                        rs.getObject("min_step_size", Long.class),
                        rs.getObject("max_step_size", Long.class),
                        importance(rs),
                        work(rs)),
                rs.getObject("host_memory_bytes", Long.class),
                rs.getObject("device_memory_bytes", Long.class),
                gpu(rs));
    }

    /** {@return what nvidia-smi reported, or null when the row has no reading (gpu_readings is NULL)} */
    private static GpuFigures gpu(ResultSet rs) throws SQLException {
        Integer readings = rs.getObject("gpu_readings", Integer.class);
        return readings == null
                ? null
                : new GpuFigures(
                        rs.getObject("gpu_utilization", Double.class),
                        rs.getObject("gpu_temperature", Double.class),
                        rs.getObject("gpu_power_watts", Double.class),
                        rs.getObject("gpu_memory_used_bytes", Long.class),
                        readings);
    }

    /** {@return the importance figures, or null when the row has none (score_min is NULL)} */
    private static ImportanceFigures importance(ResultSet rs) throws SQLException {
        Double min = rs.getObject("score_min", Double.class);
        return min == null
                ? null
                : new ImportanceFigures(
                        min,
                        rs.getDouble("score_q10"),
                        rs.getDouble("score_q50"),
                        rs.getDouble("score_q90"),
                        rs.getDouble("score_max"),
                        rs.getObject("weight_max", Double.class),
                        rs.getObject("weight_ess", Double.class));
    }

    /** {@return the time split and sampled loss, or null when the row has none (train_seconds is NULL)} */
    private static EpochWork work(ResultSet rs) throws SQLException {
        Double train = rs.getObject("train_seconds", Double.class);
        return train == null
                ? null
                : new EpochWork(
                        train,
                        rs.getDouble("eval_seconds"),
                        rs.getDouble("sampling_seconds"),
                        rs.getObject("sampled_loss", Double.class));
    }
}
