package dev.arraysweep.db.schema;

import java.util.Locale;

/** One typed column of {@code run_param}: a run parameter's name and SQL type. */
public record ParamColumn(String name, String sqlType) {
    public ParamColumn {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter column name must be [a-z][a-z0-9_]*, not '" + name + "'");
        }
    }

    /** {@return the column name quoted for SQL} */
    public String quoted() {
        return '"' + name.toUpperCase(Locale.ROOT) + '"';
    }
}
