package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.EpochMetrics;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The reading SQL of {@code epoch_metric}; its upserts are plain JDBC batches in {@link MetricRepository}. */
@RegisterRowMapper(EpochMetricsMapper.class)
interface MetricDao {
    /** The key of one {@code epoch_metric} row. */
    record Key(long runId, int epoch, String split) {}

    @SqlQuery("SELECT * FROM epoch_metric WHERE run_id = :runId ORDER BY epoch, split")
    List<EpochMetrics> forRun(@Bind("runId") long runId);

    @SqlQuery("SELECT COUNT(*) FROM epoch_metric m JOIN run r ON r.id = m.run_id WHERE r.sweep_id = :sweepId")
    long countForSweep(@Bind("sweepId") long sweepId);

    @SqlQuery("SELECT run_id, epoch, split FROM epoch_metric WHERE run_id IN (<runIds>)")
    @RegisterConstructorMapper(Key.class)
    List<Key> storedKeys(@BindList("runIds") List<Long> runIds);
}
