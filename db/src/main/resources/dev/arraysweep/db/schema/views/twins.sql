-- Each run that is not an archetype (f), joined to the archetype with its twin key (a): same sweep, same
-- parameters and seed but the sampling ones; both runs' final figures and test/train ratios of the thesis'
-- table figures (tables 4.4-4.9).
-- <sampling_columns> is ", f."NAME" AS "NAME"" for each sampling parameter (TwinKey.SAMPLING_PARAMETERS)
-- with a run_param column; <archetype_a> and <archetype_f> test TwinKey.ARCHETYPE's values on a and f.
CREATE OR REPLACE VIEW twins AS
SELECT f.sweep, f.twin_key, f."SEED" AS seed, f.array_index AS filtered_index, a.array_index AS archetype_index,
       f.run_id AS filtered_run_id, a.run_id AS archetype_run_id,
       f.state AS filtered_state, a.state AS archetype_state<sampling_columns>,
       f.final_epoch, a.final_epoch AS archetype_final_epoch,
       f.wall_seconds, a.wall_seconds AS archetype_wall_seconds,
       f.train_accuracy, f.test_accuracy, f.test_accuracy / NULLIF(f.train_accuracy, 0) AS ratio_accuracy,
       a.train_accuracy AS archetype_train_accuracy, a.test_accuracy AS archetype_test_accuracy,
       a.test_accuracy / NULLIF(a.train_accuracy, 0) AS archetype_ratio_accuracy,
       f.test_accuracy - a.test_accuracy AS diff_test_accuracy,
       f.train_mean_loss, f.test_mean_loss, f.test_mean_loss / NULLIF(f.train_mean_loss, 0) AS ratio_mean_loss,
       a.train_mean_loss AS archetype_train_mean_loss, a.test_mean_loss AS archetype_test_mean_loss,
       a.test_mean_loss / NULLIF(a.train_mean_loss, 0) AS archetype_ratio_mean_loss,
       f.test_mean_loss - a.test_mean_loss AS diff_test_mean_loss,
       f.train_q90_loss, f.test_q90_loss, f.test_q90_loss / NULLIF(f.train_q90_loss, 0) AS ratio_q90_loss,
       a.train_q90_loss AS archetype_train_q90_loss, a.test_q90_loss AS archetype_test_q90_loss,
       a.test_q90_loss / NULLIF(a.train_q90_loss, 0) AS archetype_ratio_q90_loss,
       f.test_q90_loss - a.test_q90_loss AS diff_test_q90_loss,
       f.train_worst_loss, f.test_worst_loss, f.test_worst_loss / NULLIF(f.train_worst_loss, 0) AS ratio_worst_loss,
       a.train_worst_loss AS archetype_train_worst_loss, a.test_worst_loss AS archetype_test_worst_loss,
       a.test_worst_loss / NULLIF(a.train_worst_loss, 0) AS archetype_ratio_worst_loss,
       f.test_worst_loss - a.test_worst_loss AS diff_test_worst_loss
  FROM run_results f
  JOIN run_results a ON a.sweep = f.sweep AND a.twin_key = f.twin_key
 WHERE <archetype_a> AND NOT (<archetype_f>)
   AND f.state <> 'retired' AND a.state <> 'retired'
