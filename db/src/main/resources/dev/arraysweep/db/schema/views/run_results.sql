-- Runs with their final train and test metrics.
CREATE OR REPLACE VIEW run_results AS
SELECT r.*,
       tr.accuracy AS train_accuracy, te.accuracy AS test_accuracy,
       tr.mean_loss AS train_mean_loss, te.mean_loss AS test_mean_loss,
       tr.best_loss AS train_best_loss, te.best_loss AS test_best_loss,
       tr.worst_loss AS train_worst_loss, te.worst_loss AS test_worst_loss,
       tr.q50_loss AS train_q50_loss, te.q50_loss AS test_q50_loss,
       tr.q90_loss AS train_q90_loss, te.q90_loss AS test_q90_loss,
       tr.q99_loss AS train_q99_loss, te.q99_loss AS test_q99_loss,
       te.epoch AS final_epoch, te.wall_seconds AS wall_seconds
  FROM runs r
  LEFT JOIN final_metrics tr ON tr.run_id = r.run_id AND tr.split = 'train'
  LEFT JOIN final_metrics te ON te.run_id = r.run_id AND te.split = 'test'
