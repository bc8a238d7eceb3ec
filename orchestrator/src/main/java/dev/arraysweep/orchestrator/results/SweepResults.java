package dev.arraysweep.orchestrator.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.repo.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The runs of one sweep with their metric rows, read in two queries; what reports and plots start from. The
 * dashboard reads the runs first and then the rows of the few it shows.
 *
 * @param sweep the sweep's name
 * @param runs the sweep's runs that are not retired, by array index
 */
public record SweepResults(String sweep, List<RunData> runs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepResults {
        runs = List.copyOf(runs);
    }

    /** {@return the runs of {@code sweep} with every metric row} */
    public static SweepResults load(Database db, String sweep) {
        ClasspathSqlLocator sql = ClasspathSqlLocator.removingComments();
        return db.jdbi().withHandle(h -> {
            Map<Long, List<EpochRow>> train = new HashMap<>();
            Map<Long, List<EpochRow>> test = new HashMap<>();
            h.createQuery(sql.locate(SweepResults.class, "epochs"))
                    .define("epoch_columns", sql.locate(SweepResults.class, "epochColumns"))
                    .bind("sweep", sweep)
                    .map((rs, ctx) -> Map.entry(rs.getLong("run_id"), Map.entry(rs.getString("split"), row(rs))))
                    .forEach(e -> add(e, train, test));
            return new SweepResults(sweep, withRows(runsOf(h, sweep), train, test));
        });
    }

    /**
     * {@return the runs of {@code sweep} with their parameters but no metric row} (enough to group them: {@link
     * Grouping}); {@link #withRows(Database, List)} reads the rows of those that are wanted
     */
    public static SweepResults withoutRows(Database db, String sweep) {
        return new SweepResults(sweep, db.jdbi().withHandle(h -> runsOf(h, sweep)));
    }

    /**
     * {@return {@code runs} with their metric rows, read for those runs only} One query restricted by run id, which
     * the primary key {@code (run_id, epoch, split)} of {@code epoch_metric} serves.
     */
    public static List<RunData> withRows(Database db, List<RunData> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        ClasspathSqlLocator sql = ClasspathSqlLocator.removingComments();
        Map<Long, List<EpochRow>> train = new HashMap<>();
        Map<Long, List<EpochRow>> test = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery(sql.locate(SweepResults.class, "epochsOfRuns"))
                .define("epoch_columns", sql.locate(SweepResults.class, "epochColumns"))
                .bindList("ids", runs.stream().map(RunData::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("run_id"), Map.entry(rs.getString("split"), row(rs))))
                .forEach(e -> add(e, train, test)));
        return withRows(runs, train, test);
    }

    private static void add(
            Map.Entry<Long, Map.Entry<String, EpochRow>> e,
            Map<Long, List<EpochRow>> train,
            Map<Long, List<EpochRow>> test) {
        ("train".equals(e.getValue().getKey()) ? train : test)
                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add(e.getValue().getValue());
    }

    private static List<RunData> withRows(
            List<RunData> runs, Map<Long, List<EpochRow>> train, Map<Long, List<EpochRow>> test) {
        return runs.stream()
                .map(r -> new RunData(
                        r.id(),
                        r.index(),
                        r.state(),
                        r.params(),
                        train.getOrDefault(r.id(), List.of()),
                        test.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static List<RunData> runsOf(Handle h, String sweep) {
        return h.createQuery(ClasspathSqlLocator.removingComments().locate(SweepResults.class, "runs"))
                .bind("sweep", sweep)
                .map((rs, ctx) -> new RunData(
                        rs.getLong("id"),
                        rs.getInt("array_index"),
                        rs.getString("state"),
                        params(rs.getString("params_json")),
                        List.of(),
                        List.of()))
                .list();
    }

    private static EpochRow row(ResultSet rs) throws SQLException {
        return new EpochRow(
                rs.getInt("epoch"),
                number(rs, "accuracy"),
                number(rs, "mean_loss"),
                number(rs, "q90_loss"),
                number(rs, "worst_loss"),
                number(rs, "wall_seconds"),
                number(rs, "raw_batches_per_step"),
                number(rs, "overflow_per_step"),
                number(rs, "trained_per_forwarded"),
                number(rs, "score_q10"),
                number(rs, "score_q50"),
                number(rs, "score_q90"),
                number(rs, "weight_ess"),
                number(rs, "train_seconds"),
                number(rs, "eval_seconds"),
                number(rs, "sampling_seconds"),
                number(rs, "sampled_loss"),
                number(rs, "gpu_utilization"),
                number(rs, "gpu_temperature"),
                number(rs, "gpu_power_watts"),
                number(rs, "gpu_memory_used_bytes"));
    }

    private static double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, Object> params(String json) {
        try {
            return new TreeMap<>(JSON.readValue(json, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run parameters in the database are not a JSON object: " + json, e);
        }
    }
}
