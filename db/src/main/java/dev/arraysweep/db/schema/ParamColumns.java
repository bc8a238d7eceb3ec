package dev.arraysweep.db.schema;

import java.util.List;

/** Derives the typed {@code run_param} columns from the parameter registry. */
final class ParamColumns {
    private ParamColumns() {
    }

    static List<ParamColumn> all() {
        // Replaced by the registry-derived list once the parameter registry lands.
        return List.of(new ParamColumn("dataset", "VARCHAR(64)"), new ParamColumn("model", "VARCHAR(64)"),
                new ParamColumn("epochs", "INT"), new ParamColumn("batch_size", "INT"),
                new ParamColumn("batch_filtering", "BOOLEAN"), new ParamColumn("seed", "INT"));
    }
}
