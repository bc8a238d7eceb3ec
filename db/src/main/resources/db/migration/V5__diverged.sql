-- A run whose training loss became non-finite (or exceeded divergence_loss_bound) ends in state 'diverged'.
ALTER TABLE run DROP CONSTRAINT run_state_known;
ALTER TABLE run ADD CONSTRAINT run_state_known
    CHECK (state IN ('pending','running','done','failed','preempted','lost','retired','diverged'));
