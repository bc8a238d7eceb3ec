-- The last recorded epoch of each run and split.
CREATE OR REPLACE VIEW final_metrics AS
SELECT m.*
  FROM epoch_metric m
  JOIN (SELECT run_id, split, MAX(epoch) AS last_epoch FROM epoch_metric GROUP BY run_id, split) l
    ON l.run_id = m.run_id AND l.split = m.split AND l.last_epoch = m.epoch
