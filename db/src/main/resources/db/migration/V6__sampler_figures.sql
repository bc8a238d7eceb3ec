-- The importance sampler's own figures (seed 002 appendix B): the epoch-end scores' distribution over all
-- samples and the largest weight and effective sample size of the epoch's draws; the epoch's time split
-- (seed 002 appendix C) and the mean loss its steps minimised (seed 002 figure 1). NULL on rows recorded
-- before these columns existed; the score and weight columns also for runs without an importance sampler,
-- the weight columns in its warm-up epochs, sampled_loss for epochs without a step.
ALTER TABLE epoch_metric ADD COLUMN score_min DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN score_q10 DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN score_q50 DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN score_q90 DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN score_max DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN weight_max DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN weight_ess DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN train_seconds DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN eval_seconds DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN sampling_seconds DOUBLE PRECISION;
ALTER TABLE epoch_metric ADD COLUMN sampled_loss DOUBLE PRECISION;
