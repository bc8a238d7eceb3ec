-- Every metric row of one sweep's runs that reports and plots use, by run, split and epoch.
SELECT <epoch_columns>
FROM epoch_metric m
JOIN run r ON r.id = m.run_id
JOIN sweep s ON s.id = r.sweep_id
WHERE s.name = :sweep AND r.state <> 'retired'
ORDER BY m.run_id, m.split, m.epoch
