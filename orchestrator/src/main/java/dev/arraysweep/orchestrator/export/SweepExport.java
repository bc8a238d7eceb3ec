package dev.arraysweep.orchestrator.export;

import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one sweep's results as CSV files for pandas or R, one per view: {@code runs.csv} (one line per
 * run, one column per parameter), {@code curves.csv} (every epoch and split), {@code final_metrics.csv}
 * (last epoch per run and split), {@code run_results.csv} (runs with final train_ and test_ figures),
 * {@code twins.csv} (filtered runs beside their archetype twins) and {@code run_events.csv}.
 */
public final class SweepExport {
    /** File name to query; every query takes the sweep name as its only parameter. */
    static final Map<String, String> FILES = files();

    private SweepExport() {}

    /**
     * A file written.
     *
     * @param file the path
     * @param rows its data lines (without the header)
     */
    public record Written(Path file, int rows) {}

    /** Writes every file into {@code dir} (created if needed); {@return the files written} */
    public static List<Written> write(Database db, String sweep, Path dir) throws IOException, SQLException {
        Files.createDirectories(dir);
        List<Written> out = new ArrayList<>();
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Table table = db.jdbi().<Table, SQLException>withHandle(h -> {
                try (PreparedStatement st = h.getConnection().prepareStatement(e.getValue())) {
                    st.setString(1, sweep);
                    try (ResultSet rs = st.executeQuery()) {
                        return Table.read(rs);
                    }
                }
            });
            Path file = dir.resolve(e.getKey());
            Files.writeString(file, table.toCsv(), StandardCharsets.UTF_8);
            out.add(new Written(file, table.rows().size()));
        }
        return out;
    }

    private static Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(
                "runs.csv",
                "SELECT v.*, r.params_json, r.node, r.slurm_job_id, r.slurm_array_job_id, r.started_at,"
                        + " r.ended_at FROM runs v JOIN run r ON r.id = v.run_id WHERE v.sweep = ?"
                        + " ORDER BY v.array_index");
        f.put("curves.csv", "SELECT * FROM curves WHERE sweep = ? ORDER BY array_index, epoch, split");
        f.put(
                "final_metrics.csv",
                "SELECT s.name AS sweep, r.array_index, f.* FROM final_metrics f"
                        + " JOIN run r ON r.id = f.run_id JOIN sweep s ON s.id = r.sweep_id WHERE s.name = ?"
                        + " ORDER BY r.array_index, f.split");
        f.put("run_results.csv", "SELECT * FROM run_results WHERE sweep = ? ORDER BY array_index");
        f.put("twins.csv", "SELECT * FROM twins WHERE sweep = ? ORDER BY filtered_index");
        f.put(
                "run_events.csv",
                "SELECT s.name AS sweep, r.array_index, e.* FROM run_event e"
                        + " JOIN run r ON r.id = e.run_id JOIN sweep s ON s.id = r.sweep_id WHERE s.name = ? ORDER BY e.id");
        return Collections.unmodifiableMap(f);
    }
}
