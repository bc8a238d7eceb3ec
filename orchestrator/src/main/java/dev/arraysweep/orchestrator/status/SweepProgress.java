package dev.arraysweep.orchestrator.status;

import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Progress of one sweep: runs per state, epochs done of total and an estimate of the time left, from one
 * aggregate query over the runs and, for the pace, the latest epoch of a bounded sample of them.
 */
public record SweepProgress(
        String sweep,
        Map<RunState, Integer> counts,
        long epochsDone,
        long epochsTotal,
        double meanEpochSeconds,
        Duration eta) {
    /** Runs per sweep whose latest epoch time makes the pace of the ETA. */
    private static final int PACE_SAMPLE = 256;
    /** Whose epochs make the pace, in order of preference: the running runs' pace is the current one. */
    private static final List<RunState> PACE_STATES =
            List.of(RunState.RUNNING, RunState.DONE, RunState.PREEMPTED, RunState.FAILED, RunState.LOST);

    /** {@return the progress of every sweep (or of the one named), by sweep name} */
    public static List<SweepProgress> load(Database db, String onlySweep) {
        Map<String, Map<RunState, Integer>> counts = new LinkedHashMap<>();
        Map<String, long[]> epochs = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> {
            // a run that early stopping ended needs no more epochs: its total is what it trained
            h.createQuery("SELECT s.name, r.state, COUNT(*), SUM(LEAST(r.epochs_done, r.epochs_total)),"
                            + " SUM(CASE WHEN r.stop_epoch IS NULL THEN r.epochs_total"
                            + " ELSE LEAST(r.epochs_done, r.epochs_total) END)"
                            + " FROM sweep s JOIN run r ON r.sweep_id = s.id"
                            + (onlySweep == null ? "" : " WHERE s.name = :n")
                            + " GROUP BY s.name, r.state ORDER BY s.name")
                    .bindMap(onlySweep == null ? Map.of() : Map.of("n", onlySweep))
                    .map((rs, ctx) ->
                            new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)})
                    .forEach(row -> {
                        String name = (String) row[0];
                        RunState state = RunState.fromDb((String) row[1]);
                        counts.computeIfAbsent(name, k -> new EnumMap<>(RunState.class))
                                .put(state, (Integer) row[2]);
                        if (state != RunState.RETIRED) {
                            long[] e = epochs.computeIfAbsent(name, k -> new long[2]);
                            e[0] += (Long) row[3];
                            e[1] += (Long) row[4];
                        }
                    });
        });
        Map<String, Double> meanSeconds = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> {
            for (Map.Entry<String, Map<RunState, Integer>> sweep : counts.entrySet()) {
                for (RunState state : PACE_STATES) {
                    if (sweep.getValue().getOrDefault(state, 0) > 0) {
                        Double pace = pace(h, sweep.getKey(), state);
                        if (pace != null) {
                            meanSeconds.put(sweep.getKey(), pace);
                            break;
                        }
                    }
                }
            }
        });
        List<SweepProgress> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            long[] ep = epochs.getOrDefault(e.getKey(), new long[2]);
            double mean = meanSeconds.getOrDefault(e.getKey(), 0.0);
            int running = e.getValue().getOrDefault(RunState.RUNNING, 0);
            Duration eta = mean > 0 ? Duration.ofSeconds((long) ((ep[1] - ep[0]) * mean / Math.max(1, running))) : null;
            out.add(new SweepProgress(e.getKey(), e.getValue(), ep[0], ep[1], mean, eta));
        }
        return out;
    }

    /**
     * {@return the mean seconds of the latest epoch of up to {@link #PACE_SAMPLE} runs of the sweep in
     * {@code state}, or null when none has a measured epoch} Each is one primary-key lookup, found through
     * the (sweep, state) index: the cost does not grow with the number of runs or of metric rows.
     */
    private static Double pace(Handle h, String sweep, RunState state) {
        return h.createQuery("SELECT AVG(m.epoch_seconds) FROM (SELECT r.id, r.epochs_done FROM run r"
                        + " WHERE r.sweep_id = (SELECT id FROM sweep WHERE name = :n) AND r.state = :st"
                        + " AND r.epochs_done > 0 LIMIT " + PACE_SAMPLE + ") x JOIN epoch_metric m ON m.run_id = x.id"
                        + " AND m.epoch = x.epochs_done - 1 AND m.split = 'test'")
                .bind("n", sweep)
                .bind("st", state.dbName())
                .mapTo(Double.class)
                .findOne()
                .orElse(null);
    }

    /** {@return the number of runs in {@code state}} */
    public int count(RunState state) {
        return counts.getOrDefault(state, 0);
    }

    /** {@return a text progress bar of epochs done, {@code width} characters wide} */
    public String bar(int width) {
        int filled = epochsTotal == 0 ? 0 : (int) Math.round(width * (double) epochsDone / epochsTotal);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** {@return the estimated time left as h:mm:ss, or "-" when nothing has been measured yet} */
    public String etaText() {
        if (eta == null) {
            return "-";
        }
        if (epochsDone >= epochsTotal) {
            return "0:00:00";
        }
        long s = eta.toSeconds();
        return String.format(
                Locale.ROOT,
                "%d:%02d:%02d%s",
                s / 3600,
                (s / 60) % 60,
                s % 60,
                count(RunState.RUNNING) == 0 ? " (nothing running)" : "");
    }
}
