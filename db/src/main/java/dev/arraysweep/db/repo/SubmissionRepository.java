package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.Submission;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Reads and writes the {@code submission} table: which Slurm job arrays run which runs of a sweep. */
public final class SubmissionRepository {
    static final RowMapper<Submission> MAPPER = (rs, ctx) -> new Submission(rs.getLong("id"), rs.getLong("sweep_id"),
            rs.getString("job_id"), rs.getString("array_spec"), rs.getInt("index_offset"), rs.getString("script_path"),
            rs.getObject("submitted_at", OffsetDateTime.class).toInstant());

    private final Jdbi jdbi;
    private final Clock clock;

    SubmissionRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records an accepted array and, in the same transaction, its job id on the runs it covers
     * ({@code run.slurm_array_job_id}; {@code slurm_job_id}, the task's own id, is set when a task claims the run).
     *
     * @return the stored submission
     */
    public Submission record(long sweepId, String jobId, String arraySpec, int indexOffset, String scriptPath,
                             List<Integer> runIndices) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO submission(sweep_id, job_id, array_spec, index_offset, script_path,"
                            + " submitted_at) VALUES (:s, :j, :a, :o, :p, :now)")
                    .bind("s", sweepId).bind("j", jobId).bind("a", arraySpec).bind("o", indexOffset)
                    .bind("p", scriptPath).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // The task that will run it is not known yet: its job id comes with the claim.
            PreparedBatch runs = h.prepareBatch("UPDATE run SET slurm_array_job_id = :j, slurm_job_id = NULL"
                    + " WHERE sweep_id = :s AND array_index = :i");
            for (int index : runIndices) {
                runs.bind("j", jobId).bind("s", sweepId).bind("i", index).add();
            }
            if (!runIndices.isEmpty()) {
                runs.execute();
            }
            return h.createQuery("SELECT * FROM submission WHERE id = :id").bind("id", id).map(MAPPER).one();
        });
    }

    /** {@return every submission of a sweep, oldest first} */
    public List<Submission> forSweep(long sweepId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submission WHERE sweep_id = :s ORDER BY id")
                .bind("s", sweepId).map(MAPPER).list());
    }

    /**
     * Finds the candidates for {@code lost}: runs that are {@code running} with a heartbeat older than
     * {@code staleBefore} and whose array job arraysweep submitted. Runs started by {@code run-local} have no
     * submission and are never among them.
     *
     * @param sweepId the sweep, or null for every sweep
     */
    public List<Run> staleSubmittedRuns(Long sweepId, Instant staleBefore) {
        // sweep by sweep, so each query reads only that sweep's running runs through run(sweep_id, state)
        // instead of every run in the database; sweeps never submitted (run-local) are not looked at
        return jdbi.withHandle(h -> {
            List<Long> sweeps = h.createQuery("SELECT DISTINCT sweep_id FROM submission"
                            + (sweepId == null ? "" : " WHERE sweep_id = :s") + " ORDER BY sweep_id")
                    .bindMap(sweepId == null ? Map.of() : Map.of("s", sweepId)).mapTo(Long.class).list();
            List<Run> runs = new ArrayList<>();
            for (long sweep : sweeps) {
                runs.addAll(h.createQuery("SELECT r.* FROM run r WHERE r.sweep_id = :s AND r.state = 'running'"
                                + " AND (r.heartbeat_at IS NULL OR r.heartbeat_at < :before)"
                                + " AND r.slurm_array_job_id IN (SELECT x.job_id FROM submission x WHERE x.sweep_id = :s)"
                                + " ORDER BY r.array_index")
                        .bind("s", sweep).bind("before", OffsetDateTime.ofInstant(staleBefore, ZoneOffset.UTC))
                        .map(RunRepository.MAPPER).list());
            }
            return runs;
        });
    }
}
