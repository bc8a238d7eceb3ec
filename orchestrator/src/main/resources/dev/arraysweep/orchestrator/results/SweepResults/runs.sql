-- The runs of one sweep that are still part of it (retired runs left the sweep file).
SELECT r.id, r.array_index, r.state, r.params_json
FROM run r JOIN sweep s ON s.id = r.sweep_id
WHERE s.name = :sweep AND r.state <> 'retired'
ORDER BY r.array_index
