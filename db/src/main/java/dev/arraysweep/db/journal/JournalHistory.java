package dev.arraysweep.db.journal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run stands according to its journal alone: the last attempt that claimed it and how that attempt
 * ended. A worker holding the run's lock reads this instead of the database to number its attempt and to
 * refuse a run that is already done.
 *
 * @param lastAttempt the highest attempt in the journal, 0 when there is none
 * @param lastEnd how that attempt ended ({@code done}, {@code failed}, {@code preempted}), or null when it
 *     did not record an end (still running, or killed)
 * @param epochsDone the most epochs any attempt recorded
 */
public record JournalHistory(int lastAttempt, String lastEnd, int epochsDone) {
    /** {@return the history in the journal at {@code path}; empty when there is no journal} */
    public static JournalHistory of(Path path) {
        if (!Files.exists(path)) {
            return new JournalHistory(0, null, 0);
        }
        int attempt = 0;
        String end = null;
        int epochs = 0;
        for (JournalEvent e : JournalReader.read(path, 0).events()) {
            epochs = Math.max(epochs, e.epochsDone());
            if (e.attempt() > attempt) {
                attempt = e.attempt();
                end = null;
            }
            if (e.attempt() == attempt && e.endsAttempt()) {
                end = e.type();
            }
        }
        return new JournalHistory(attempt, end, epochs);
    }

    /** {@return whether the last attempt finished the run} */
    public boolean done() {
        return JournalEvent.DONE.equals(lastEnd);
    }
}
