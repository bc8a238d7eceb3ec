package dev.arraysweep.db.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL views users query: {@code runs} (one row per run, one typed column per parameter),
 * {@code final_metrics} (last recorded epoch per run and split), {@code run_results} (runs with their
 * final train and test metrics) and {@code curves} (every epoch row with sweep and index).
 */
final class Views {
    private static final String[] METRICS = {"accuracy", "mean_loss", "best_loss", "worst_loss",
        "q50_loss", "q90_loss", "q99_loss"};

    private Views() {
    }

    static List<String> definitions(List<ParamColumn> params) {
        String paramCols = params.stream()
                .map(p -> "p." + p.quoted() + " AS " + p.quoted())
                .collect(Collectors.joining(", "));
        String runs = "CREATE OR REPLACE VIEW runs AS SELECT s.name AS sweep, r.array_index, r.state, r.attempt,"
                + " r.epochs_done, r.epochs_total, r.id AS run_id, r.params_hash"
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
        return List.of(runs, finalMetrics, results.toString(), curves);
    }
}
