package dev.arraysweep.db.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives a {@code run_param} column the SQL type its parameter has now, when a parameter's type changed
 * ({@code augmentation} was a boolean before it became the choice of {@code none}, {@code crop-flip} and
 * {@code thesis}): the column is dropped, added with the new type and filled from every run's stored
 * parameters, which stay the one record of them. The views that read the column are dropped first; {@link
 * Schema} creates them again.
 */
final class ParamColumnRetype {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParamColumnRetype() {}

    /** {@return the columns of {@code run_param} whose stored type differs from the registry's} */
    static List<ParamColumn> mismatched(Connection c, List<ParamColumn> columns) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, "RUN_PARAM", null)) {
            while (rs.next()) {
                stored.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rs.getString("TYPE_NAME"));
            }
        }
        return columns.stream()
                .filter(col -> {
                    String type = stored.get(col.name().toUpperCase(Locale.ROOT));
                    return type != null && !type.equalsIgnoreCase(typeName(col.sqlType()));
                })
                .toList();
    }

    /** Rebuilds {@code columns} with their registry types and values. */
    static void run(Connection c, List<ParamColumn> columns, List<String> viewNames) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (int i = viewNames.size() - 1; i >= 0; i--) {
                st.execute("DROP VIEW IF EXISTS " + viewNames.get(i) + " CASCADE");
            }
            for (ParamColumn col : columns) {
                st.execute("ALTER TABLE run_param DROP COLUMN " + col.quoted());
                st.execute("ALTER TABLE run_param ADD COLUMN " + col.quoted() + " " + col.sqlType());
            }
        }
        for (ParamColumn col : columns) {
            fill(c, col);
        }
    }

    private static void fill(Connection c, ParamColumn col) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                        "SELECT r.id, r.params_json FROM run r JOIN run_param p ON p.run_id = r.id");
                PreparedStatement update =
                        c.prepareStatement("UPDATE run_param SET " + col.quoted() + " = ? WHERE run_id = ?");
                ResultSet rs = select.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                Object value;
                try {
                    value = ParamValues.fromJson(rs.getString(2)).asMap().get(col.name());
                } catch (ParamException | IllegalArgumentException e) {
                    continue; // not valid run parameters (hand-written rows): nothing to fill in
                }
                if (value == null) {
                    continue;
                }
                update.setObject(1, value instanceof List<?> list ? json(list) : value);
                update.setLong(2, rs.getLong(1));
                update.addBatch();
                n++;
            }
            if (n > 0) {
                update.executeBatch();
            }
        }
    }

    /** {@return the name JDBC metadata gives a column of {@code sqlType}} */
    private static String typeName(String sqlType) {
        return sqlType.startsWith("VARCHAR") ? "CHARACTER VARYING" : sqlType.equals("INT") ? "INTEGER" : sqlType;
    }

    private static String json(List<?> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
