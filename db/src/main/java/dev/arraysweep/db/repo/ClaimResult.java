package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.Run;

/**
 * The outcome of trying to claim a run: the claimed run (with its new attempt number) or the
 * reason the claim was refused.
 */
public record ClaimResult(Run run, String refusal) {
    /** {@return whether the claim succeeded} */
    public boolean claimed() {
        return refusal == null;
    }
}
