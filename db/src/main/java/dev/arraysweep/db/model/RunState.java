package dev.arraysweep.db.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The life-cycle state of one run, as stored in {@code run.state}. */
public enum RunState {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    PREEMPTED,
    LOST,
    /**
     * Training stopped because its loss became non-finite (or exceeded {@code divergence_loss_bound}): a
     * deterministic run would diverge again, so it is resubmitted only when asked for by name.
     */
    DIVERGED,
    RETIRED;

    /** {@return the lower-case name stored in the database and shown to users} */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the state stored as {@code name}} */
    public static RunState fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * {@return the states whose runs still need training: pending, preempted and lost, and failed too when
     * {@code retryFailed}} Submitting, running locally and resubmitting choose from these; a worker may claim a
     * run in any of them (a stale {@code running} is checked separately).
     */
    public static Set<RunState> toRun(boolean retryFailed) {
        Set<RunState> states = EnumSet.of(PENDING, PREEMPTED, LOST);
        if (retryFailed) {
            states.add(FAILED);
        }
        return states;
    }

    /**
     * {@return the states a worker may claim a run in: those of {@link #toRun}, failed, and diverged (which is
     * never run again by default, but may be resubmitted by name)} A stale {@code running} is checked
     * separately.
     */
    public static Set<RunState> claimableStates() {
        Set<RunState> states = toRun(true);
        states.add(DIVERGED);
        return states;
    }

    /** {@return whether a worker may claim a run in this state (a stale {@code running} is checked separately)} */
    public boolean claimable() {
        return claimableStates().contains(this);
    }

    /** {@return the names stored in the database of {@code states}, for SQL such as {@code state IN (<states>)}} */
    public static List<String> dbNames(Collection<RunState> states) {
        return states.stream().map(RunState::dbName).toList();
    }
}
