package dev.arraysweep.db.schema;

import dev.arraysweep.db.params.TwinKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL views users query: {@code runs} (one row per run, one typed column per parameter),
 * {@code final_metrics} (last recorded epoch per run and split), {@code run_results} (runs with their
 * final train and test metrics), {@code curves} (every epoch row with sweep and index) and
 * {@code twins} (each filtered run beside its archetype twin, with test/train ratios).
 */
final class Views {
    private static final String[] METRICS = {"accuracy", "mean_loss", "best_loss", "worst_loss",
        "q50_loss", "q90_loss", "q99_loss"};
    /** The thesis' table figures (tables 4.4-4.9), compared pairwise in {@code twins}. */
    private static final String[] TWIN_METRICS = {"accuracy", "mean_loss", "q90_loss", "worst_loss"};

    private Views() {
    }

    static List<String> definitions(List<ParamColumn> params) {
        String paramCols = params.stream()
                .map(p -> "p." + p.quoted() + " AS " + p.quoted())
                .collect(Collectors.joining(", "));
        String runs = "CREATE OR REPLACE VIEW runs AS SELECT s.name AS sweep, r.array_index, r.state, r.attempt,"
                + " r.epochs_done, r.epochs_total, r.id AS run_id, r.params_hash, r.twin_key"
                + (paramCols.isEmpty() ? "" : ", " + paramCols)
                + " FROM run r JOIN sweep s ON s.id = r.sweep_id LEFT JOIN run_param p ON p.run_id = r.id";
        String finalMetrics = "CREATE OR REPLACE VIEW final_metrics AS SELECT m.* FROM epoch_metric m"
                + " JOIN (SELECT run_id, split, MAX(epoch) AS last_epoch FROM epoch_metric GROUP BY run_id, split) l"
                + " ON l.run_id = m.run_id AND l.split = m.split AND l.last_epoch = m.epoch";
        StringBuilder results = new StringBuilder("CREATE OR REPLACE VIEW run_results AS SELECT r.*");
        for (String m : METRICS) {
            results.append(", tr.").append(m).append(" AS train_").append(m);
            results.append(", te.").append(m).append(" AS test_").append(m);
        }
        results.append(", te.epoch AS final_epoch, te.wall_seconds AS wall_seconds")
                .append(" FROM runs r")
                .append(" LEFT JOIN final_metrics tr ON tr.run_id = r.run_id AND tr.split = 'train'")
                .append(" LEFT JOIN final_metrics te ON te.run_id = r.run_id AND te.split = 'test'");
        String curves = "CREATE OR REPLACE VIEW curves AS SELECT s.name AS sweep, r.array_index, m.*"
                + " FROM epoch_metric m JOIN run r ON r.id = m.run_id JOIN sweep s ON s.id = r.sweep_id";
        return List.of(runs, finalMetrics, results.toString(), curves, twins(params));
    }

    /**
     * Each run that is not an archetype, joined to the archetype with its twin key (same sweep, same
     * parameters and seed but the sampling ones), with both runs' final figures and test/train ratios.
     */
    private static String twins(List<ParamColumn> params) {
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE VIEW twins AS SELECT f.sweep, f.twin_key,"
                + " f.\"SEED\" AS seed, f.array_index AS filtered_index, a.array_index AS archetype_index,"
                + " f.run_id AS filtered_run_id, a.run_id AS archetype_run_id,"
                + " f.state AS filtered_state, a.state AS archetype_state");
        for (ParamColumn p : params) {
            if (TwinKey.SAMPLING_PARAMETERS.contains(p.name())) {
                sql.append(", f.").append(p.quoted()).append(" AS ").append(p.quoted());
            }
        }
        sql.append(", f.final_epoch, a.final_epoch AS archetype_final_epoch,"
                + " f.wall_seconds, a.wall_seconds AS archetype_wall_seconds");
        for (String m : TWIN_METRICS) {
            sql.append(", f.train_").append(m).append(", f.test_").append(m)
                    .append(", f.test_").append(m).append(" / NULLIF(f.train_").append(m).append(", 0) AS ratio_")
                    .append(m)
                    .append(", a.train_").append(m).append(" AS archetype_train_").append(m)
                    .append(", a.test_").append(m).append(" AS archetype_test_").append(m)
                    .append(", a.test_").append(m).append(" / NULLIF(a.train_").append(m)
                    .append(", 0) AS archetype_ratio_").append(m)
                    .append(", f.test_").append(m).append(" - a.test_").append(m).append(" AS diff_test_").append(m);
        }
        sql.append(" FROM run_results f JOIN run_results a ON a.sweep = f.sweep AND a.twin_key = f.twin_key")
                .append(" WHERE ").append(archetype("a")).append(" AND NOT (").append(archetype("f")).append(")")
                .append(" AND f.state <> 'retired' AND a.state <> 'retired'");
        return sql.toString();
    }

    private static String archetype(String alias) {
        return TwinKey.ARCHETYPE.entrySet().stream().map(e -> alias + "." + quoted(e.getKey()) + " = " + literal(e))
                .collect(Collectors.joining(" AND "));
    }

    private static String quoted(String param) {
        return new ParamColumn(param, "").quoted();
    }

    private static String literal(Map.Entry<String, Object> e) {
        return e.getValue() instanceof Boolean b ? b.toString().toUpperCase(java.util.Locale.ROOT)
                : "'" + e.getValue() + "'";
    }
}
