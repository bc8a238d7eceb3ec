-- A run that early stopping ended before its last epoch (parameter early_stopping_patience) is 'done' and
-- keeps the last epoch it trained (numbered from 0, as epoch_metric.epoch) and why it stopped; both are null
-- for every other run.
ALTER TABLE run ADD COLUMN stop_epoch INT;
ALTER TABLE run ADD COLUMN stop_reason VARCHAR(4000);
