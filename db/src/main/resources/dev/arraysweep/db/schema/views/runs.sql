-- One row per run with one typed column per parameter; stop_epoch and stop_reason are set for runs that
-- early stopping ended before their last epoch.
-- <param_columns> is ", p."NAME" AS "NAME"" for each run_param column, from the parameter registry.
CREATE OR REPLACE VIEW runs AS
SELECT s.name AS sweep, r.array_index, r.state, r.attempt, r.epochs_done, r.epochs_total, r.stop_epoch,
       r.stop_reason, r.error_text, r.id AS run_id,
       r.params_hash, r.twin_key<param_columns>
  FROM run r
  JOIN sweep s ON s.id = r.sweep_id
  LEFT JOIN run_param p ON p.run_id = r.id
