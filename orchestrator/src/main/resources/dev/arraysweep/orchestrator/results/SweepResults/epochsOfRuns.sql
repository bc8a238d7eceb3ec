-- The metric rows of some runs (by id), by run, split and epoch: a range of the primary key (run_id, epoch, split) each.
SELECT <epoch_columns>
FROM epoch_metric m
WHERE m.run_id IN (<ids>)
ORDER BY m.run_id, m.split, m.epoch
