-- Every epoch row with its sweep and array index.
CREATE OR REPLACE VIEW curves AS
SELECT s.name AS sweep, r.array_index, m.*
  FROM epoch_metric m
  JOIN run r ON r.id = m.run_id
  JOIN sweep s ON s.id = r.sweep_id
