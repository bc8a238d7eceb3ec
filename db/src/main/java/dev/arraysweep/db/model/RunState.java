package dev.arraysweep.db.model;

import java.util.Locale;

/** The life-cycle state of one run, as stored in {@code run.state}. */
public enum RunState {
    PENDING, RUNNING, DONE, FAILED, PREEMPTED, LOST, RETIRED;

    /** {@return the lower-case name stored in the database and shown to users} */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the state stored as {@code name}} */
    public static RunState fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** {@return whether a worker may claim a run in this state (a stale {@code running} is checked separately)} */
    public boolean claimable() {
        return this == PENDING || this == FAILED || this == PREEMPTED || this == LOST;
    }
}
