package dev.arraysweep.db.schema;

import dev.arraysweep.db.params.ParamDef;
import dev.arraysweep.db.params.Params;
import java.util.List;

/** Derives the typed {@code run_param} columns from the parameter registry (lists are stored as JSON text). */
final class ParamColumns {
    private static final List<ParamColumn> ALL =
            Params.all().stream().map(ParamColumns::column).toList();

    private ParamColumns() {}

    static List<ParamColumn> all() {
        return ALL;
    }

    private static ParamColumn column(ParamDef def) {
        String type =
                switch (def.type()) {
                    case BOOL -> "BOOLEAN";
                    case INT -> "INT";
                    case DOUBLE -> "DOUBLE PRECISION";
                    case CHOICE -> "VARCHAR(64)";
                    case STRING, INT_LIST, DOUBLE_LIST -> "VARCHAR(4000)";
                };
        return new ParamColumn(def.name(), type);
    }
}
