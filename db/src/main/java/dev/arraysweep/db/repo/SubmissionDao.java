package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunningRun;
import dev.arraysweep.db.model.Submission;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL of the {@code submission} table and of the runs it covers. */
@RegisterConstructorMapper(Submission.class)
@RegisterConstructorMapper(Run.class)
@RegisterColumnMapper(InstantColumnMapper.class)
@RegisterColumnMapper(RunStateColumnMapper.class)
interface SubmissionDao {
    @SqlUpdate("INSERT INTO submission(sweep_id, job_id, array_spec, index_offset, script_path, submitted_at)"
            + " VALUES (:sweepId, :jobId, :arraySpec, :indexOffset, :scriptPath, :now)")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("sweepId") long sweepId,
            @Bind("jobId") String jobId,
            @Bind("arraySpec") String arraySpec,
            @Bind("indexOffset") int indexOffset,
            @Bind("scriptPath") String scriptPath,
            @Bind("now") OffsetDateTime now);

    /** Puts the array's job id on the runs it covers; the task's own job id comes with the claim. */
    @SqlBatch("UPDATE run SET slurm_array_job_id = :jobId, slurm_job_id = NULL"
            + " WHERE sweep_id = :sweepId AND array_index = :index")
    void coverRuns(@Bind("sweepId") long sweepId, @Bind("jobId") String jobId, @Bind("index") List<Integer> indices);

    @SqlQuery("SELECT * FROM submission WHERE id = :id")
    Submission byId(@Bind("id") long id);

    @SqlQuery("SELECT * FROM submission WHERE sweep_id = :sweepId ORDER BY id")
    List<Submission> forSweep(@Bind("sweepId") long sweepId);

    @SqlQuery("SELECT DISTINCT sweep_id FROM submission ORDER BY sweep_id")
    List<Long> submittedSweeps();

    @SqlQuery("SELECT DISTINCT sweep_id FROM submission WHERE sweep_id = :sweepId ORDER BY sweep_id")
    List<Long> submittedSweeps(@Bind("sweepId") long sweepId);

    /** Sweeps with a running run. */
    @SqlQuery("SELECT DISTINCT sweep_id FROM run WHERE state = 'running' ORDER BY sweep_id")
    List<Long> sweepsWithRunningRuns();

    /**
     * Running runs of one sweep that no array arraysweep submitted covers (run-local's, {@code local}, and
     * workers started by hand), whose last heartbeat is older than {@code quietSince}. A run without a heartbeat
     * has no lock file that ingest saw (it copies the lock file's time), so nothing to tell by.
     */
    @SqlQuery("SELECT r.id, r.sweep_id, r.array_index, r.attempt, r.heartbeat_at FROM run r"
            + " WHERE r.sweep_id = :sweepId AND r.state = 'running'"
            + " AND r.heartbeat_at < :quietSince"
            + " AND (r.slurm_array_job_id IS NULL OR r.slurm_array_job_id NOT IN"
            + " (SELECT x.job_id FROM submission x WHERE x.sweep_id = :sweepId)) ORDER BY r.array_index")
    @RegisterConstructorMapper(RunningRun.class)
    List<RunningRun> runningUnsubmitted(@Bind("sweepId") long sweepId, @Bind("quietSince") OffsetDateTime quietSince);

    /** Running runs of one sweep whose heartbeat is older than {@code before}, in arrays arraysweep submitted. */
    @SqlQuery
    @UseClasspathSqlLocator
    List<Run> staleRuns(@Bind("sweepId") long sweepId, @Bind("before") OffsetDateTime before);
}
