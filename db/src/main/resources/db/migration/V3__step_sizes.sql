-- The smallest and largest training step of an epoch, in samples (a varying batch size, thesis Alg. 9,
-- batch_mode: vary, makes them differ). NULL on rows recorded before these columns existed and for epochs
-- without a step.
ALTER TABLE epoch_metric ADD COLUMN min_step_size BIGINT;
ALTER TABLE epoch_metric ADD COLUMN max_step_size BIGINT;
