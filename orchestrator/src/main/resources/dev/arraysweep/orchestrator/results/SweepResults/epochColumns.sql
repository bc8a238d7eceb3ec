-- The columns of an epoch row that reports and plots read (EpochRow), for epochs.sql and epochsOfRuns.sql.
-- The sampler figures are the thesis' appendix figure 6: per step, and NULL (a gap) in an epoch without a step.
m.run_id, m.split, m.epoch, m.accuracy, m.mean_loss, m.q90_loss, m.worst_loss, m.wall_seconds,
       CASE WHEN m.steps > 0 THEN m.mean_raw_batches_per_step END AS raw_batches_per_step,
       CASE WHEN m.steps > 0 THEN CAST(m.overflow_discarded AS DOUBLE PRECISION) / m.steps END AS overflow_per_step,
       CASE WHEN m.steps > 0 AND m.raw_forwarded > 0 THEN CAST(m.trained AS DOUBLE PRECISION) / m.raw_forwarded END
         AS trained_per_forwarded,
       m.score_q10, m.score_q50, m.score_q90,
       m.weight_ess, m.train_seconds, m.eval_seconds, m.sampling_seconds, m.sampled_loss,
       m.gpu_utilization, m.gpu_temperature, m.gpu_power_watts, m.gpu_memory_used_bytes
