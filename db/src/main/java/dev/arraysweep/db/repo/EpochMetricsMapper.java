package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.EpochMetrics;
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
                        rs.getObject("max_step_size", Long.class)),
                rs.getObject("host_memory_bytes", Long.class),
                rs.getObject("device_memory_bytes", Long.class));
    }
}
