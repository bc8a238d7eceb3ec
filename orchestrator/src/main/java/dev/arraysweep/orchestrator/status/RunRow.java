package dev.arraysweep.orchestrator.status;

import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import java.util.List;
import java.util.Locale;

/**
 * One run of a sweep as {@code status SWEEP} lists it: where it stands, its latest test metrics, the training
 * time it has taken, the time it still needs at its own pace and the first line of its error (or of why it
 * stopped early).
 *
 * @param index the run's array index
 * @param state its state
 * @param epochsDone epochs recorded
 * @param epochsTotal epochs it trains
 * @param testAccuracy test accuracy of its latest epoch, or null before the first
 * @param testLoss test mean loss of its latest epoch, or null
 * @param trainSeconds the run's wall-clock seconds up to its latest epoch (all attempts), or null
 * @param error its error text, or null
 * @param stopReason why early stopping ended it before its last epoch, or null
 */
public record RunRow(
        int index,
        RunState state,
        int epochsDone,
        int epochsTotal,
        Double testAccuracy,
        Double testLoss,
        Double trainSeconds,
        String error,
        String stopReason) {
    /**
     * {@return the runs of {@code sweepId} that are not retired, by index, at most {@code limit}} The latest
     * epoch is one primary-key lookup per run ({@code epoch = epochs_done - 1}).
     */
    public static List<RunRow> load(Database db, long sweepId, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT r.array_index, r.state, r.epochs_done, r.epochs_total,"
                        + " m.accuracy, m.mean_loss, m.wall_seconds, r.error_text, r.stop_reason"
                        // the runs first, cut to the limit; then one primary-key lookup each for the latest epoch
                        + " FROM (SELECT id, array_index, state, epochs_done, epochs_total, error_text, stop_reason"
                        + " FROM run WHERE sweep_id = :s AND state <> 'retired' ORDER BY array_index LIMIT :n) r"
                        + " LEFT JOIN epoch_metric m ON m.run_id = r.id AND m.split = 'test'"
                        + " AND m.epoch = r.epochs_done - 1 ORDER BY r.array_index")
                .bind("s", sweepId)
                .bind("n", limit)
                .map((rs, ctx) -> new RunRow(
                        rs.getInt(1),
                        RunState.fromDb(rs.getString(2)),
                        rs.getInt(3),
                        rs.getInt(4),
                        (Double) rs.getObject(5),
                        (Double) rs.getObject(6),
                        (Double) rs.getObject(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list());
    }

    /** {@return the seconds the run still needs at its own pace, or null when it cannot be told or is over} */
    public Double etaSeconds() {
        boolean goesOn = state == RunState.RUNNING
                || state == RunState.PENDING
                || state == RunState.PREEMPTED
                || state == RunState.LOST;
        if (!goesOn || trainSeconds == null || epochsDone == 0 || epochsDone >= epochsTotal) {
            return null;
        }
        return trainSeconds / epochsDone * (epochsTotal - epochsDone);
    }

    /**
     * {@return the first line of the error, or else of why the run stopped early, cut to {@code width}
     * characters, or "" without either}
     */
    public String errorLine(int width) {
        String text = error == null || error.isBlank() ? stopReason : error;
        if (text == null || text.isBlank()) {
            return "";
        }
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() <= width ? first : first.substring(0, width - 3) + "...";
    }

    /** {@return seconds as h:mm:ss, or "-" for null} */
    public static String clock(Double seconds) {
        if (seconds == null) {
            return "-";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
