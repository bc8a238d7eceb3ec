package dev.arraysweep.worker.task;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import java.io.PrintStream;
import java.util.List;

/**
 * Writes a task's results to the database after the journal has them; when the database cannot be
 * reached the run goes on and says once that {@code arraysweep ingest} will load the journal later.
 */
final class DbWriter {
    private final Database db;
    private final PrintStream out;
    private boolean warned;

    DbWriter(Database db, PrintStream out) {
        this.db = db;
        this.out = out;
    }

    void write(List<EpochMetrics> rows, long runId, int attempt, int epochsDone) {
        try {
            db.metrics().upsert(rows);
            db.runs().heartbeat(runId, attempt, epochsDone);
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    void finish(long runId, int attempt, RunState state, String error) {
        try {
            db.runs().finish(runId, attempt, state, error);
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    private void warn(RuntimeException e) {
        if (!warned) {
            warned = true;
            out.println("warning: cannot write to the database (" + e.getMessage() + "); training goes on and the"
                    + " journal keeps every result: `arraysweep ingest` loads it later");
        }
    }
}
