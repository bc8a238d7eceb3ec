package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL of the {@code run} and {@code run_event} tables, but the batch insert of new runs. */
@RegisterConstructorMapper(Run.class)
@RegisterColumnMapper(InstantColumnMapper.class)
@RegisterColumnMapper(RunStateColumnMapper.class)
interface RunDao {
    @SqlQuery("SELECT * FROM run WHERE sweep_id = :sweepId ORDER BY array_index")
    List<Run> bySweep(@Bind("sweepId") long sweepId);

    @SqlQuery(
            "SELECT r.* FROM run r JOIN sweep s ON s.id = r.sweep_id WHERE s.name = :sweep AND r.array_index = :index")
    Optional<Run> find(@Bind("sweep") String sweep, @Bind("index") int index);

    @SqlQuery("SELECT * FROM run WHERE id = :id")
    Optional<Run> byId(@Bind("id") long id);

    /** Ids of a sweep's runs from array index {@code first} on, by parameter hash. */
    @SqlQuery("SELECT params_hash, id FROM run WHERE sweep_id = :sweepId AND array_index >= :first")
    @KeyColumn("params_hash")
    @ValueColumn("id")
    Map<String, Long> idsByHashFrom(@Bind("sweepId") long sweepId, @Bind("first") int first);

    /** Takes a claimable run, or a running one whose heartbeat is stale (or whose Slurm job was requeued). */
    @SqlUpdate
    @UseClasspathSqlLocator
    int claim(
            @Bind("id") long runId,
            @Bind("job") String jobId,
            @Bind("ajob") String arrayJobId,
            @Bind("node") String node,
            @Bind("now") OffsetDateTime now,
            @Bind("staleBefore") OffsetDateTime staleBefore,
            @Bind("sameJob") boolean sameJob,
            @BindList("claimable") List<String> claimable);

    @SqlUpdate("UPDATE run SET heartbeat_at = :now, epochs_done = GREATEST(epochs_done, :done)"
            + " WHERE id = :id AND attempt = :attempt AND state = 'running'")
    int heartbeat(
            @Bind("id") long runId,
            @Bind("attempt") int attempt,
            @Bind("done") int epochsDone,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE run SET state = :state, ended_at = :now, error_text = :error"
            + " WHERE id = :id AND attempt = :attempt AND state IN ('running','lost')")
    int finish(
            @Bind("id") long runId,
            @Bind("attempt") int attempt,
            @Bind("state") String state,
            @Bind("error") String error,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE run SET state = :to WHERE id IN (<ids>) AND state = :from")
    int setState(@BindList("ids") List<Long> runIds, @Bind("from") String from, @Bind("to") String to);

    @SqlUpdate("UPDATE run SET state = 'retired' WHERE id IN (<ids>)")
    void retire(@BindList("ids") List<Long> runIds);

    @SqlUpdate("UPDATE run SET state = :state WHERE id = :id")
    void setState(@Bind("id") long runId, @Bind("state") String state);

    @SqlUpdate(
            "INSERT INTO run_event(run_id, attempt, kind, at, detail) VALUES (:runId, :attempt, :kind, :now, :detail)")
    void event(
            @Bind("runId") long runId,
            @Bind("attempt") int attempt,
            @Bind("kind") String kind,
            @Bind("detail") String detail,
            @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT state, COUNT(*) AS n FROM run WHERE sweep_id = :sweepId GROUP BY state")
    @KeyColumn("state")
    @ValueColumn("n")
    Map<RunState, Integer> countByState(@Bind("sweepId") long sweepId);

    @SqlQuery("SELECT array_index FROM run WHERE sweep_id = :sweepId AND state IN (<states>) ORDER BY array_index")
    List<Integer> indicesIn(@Bind("sweepId") long sweepId, @BindList("states") List<String> states);
}
