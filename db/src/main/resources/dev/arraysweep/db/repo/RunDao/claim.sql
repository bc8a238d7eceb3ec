-- Claims run :id in one conditional UPDATE: a run in a claimable state is taken, and so is one still marked
-- running whose heartbeat is stale, or whose Slurm job (:job) was requeued (:sameJob); the attempt goes up.
UPDATE run
   SET state = 'running', attempt = attempt + 1,
       started_at = :now, heartbeat_at = :now, ended_at = NULL, error_text = NULL,
       slurm_job_id = :job, slurm_array_job_id = :ajob, node = :node
 WHERE id = :id
   AND (state IN (<claimable>)
        OR (state = 'running'
            AND (heartbeat_at IS NULL OR heartbeat_at < :staleBefore OR (:sameJob AND slurm_job_id = :job))))
