package dev.arraysweep.db.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the schema: Flyway's versioned migrations, then one typed column per run
 * parameter in {@code run_param} (rebuilt where a parameter's type changed), twin keys of runs stored before
 * version 2, then the views users query.
 */
public final class Schema {
    private Schema() {}

    /** Migrates the database behind {@code ds} to the current schema; safe to call on every start. */
    public static void migrate(DataSource ds) throws SQLException {
        boolean current;
        try (Connection c = ds.getConnection()) {
            current = MigrationHistory.isCurrent(c);
        }
        if (!current) {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        }
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            Set<String> have = columnsOf(c, "RUN_PARAM");
            for (ParamColumn col : ParamColumns.all()) {
                if (!have.contains(col.name().toUpperCase(Locale.ROOT))) {
                    st.execute("ALTER TABLE run_param ADD COLUMN " + col.quoted() + " " + col.sqlType());
                }
            }
            List<ParamColumn> retyped = ParamColumnRetype.mismatched(c, ParamColumns.all());
            if (!retyped.isEmpty()) {
                ParamColumnRetype.run(c, retyped, Views.names());
            }
            TwinKeyBackfill.run(c);
            createViewsUnlessCurrent(c, Views.definitions(ParamColumns.all()));
        }
    }

    private static final Pattern VIEW_NAME = Pattern.compile("CREATE OR REPLACE VIEW (\\w+) ");

    /**
     * (Re)creates the views unless every one exists and the last carries, as its comment, the hash of these
     * very definitions and of the tables' columns: most commands open the database, and a read-only one such as
     * {@code status} then writes nothing. The columns count because H2 expands a view's {@code m.*} when the view
     * is created: a migration that adds a column to {@code epoch_metric} leaves the definitions as they are, and
     * the views would go on without the new column.
     */
    static void createViewsUnlessCurrent(Connection c, List<String> definitions) throws SQLException {
        List<String> names = new ArrayList<>();
        for (String definition : definitions) {
            Matcher m = VIEW_NAME.matcher(definition);
            if (!m.find()) {
                throw new IllegalStateException("not a view definition: " + definition);
            }
            names.add(m.group(1).toUpperCase(Locale.ROOT));
        }
        String last = names.get(names.size() - 1);
        String stamp = "arraysweep views "
                + Integer.toHexString((String.join(";", definitions) + ";" + tableColumns(c)).hashCode());
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*), MAX(CASE WHEN TABLE_NAME = ? THEN REMARKS END)"
                + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'VIEW'"
                + " AND TABLE_NAME IN (" + String.join(",", Collections.nCopies(names.size(), "?")) + ")")) {
            q.setString(1, last);
            for (int i = 0; i < names.size(); i++) {
                q.setString(i + 2, names.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next() && rs.getInt(1) == names.size() && stamp.equals(rs.getString(2))) {
                    return;
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String view : definitions) {
                st.execute(view);
            }
            st.execute("COMMENT ON VIEW " + last + " IS '" + stamp + "'");
        }
    }

    /** {@return every column of the schema's tables, in order, as one string} */
    private static String tableColumns(Connection c) throws SQLException {
        StringBuilder columns = new StringBuilder();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT c.TABLE_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS c"
                        + " JOIN INFORMATION_SCHEMA.TABLES t"
                        + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                        + " WHERE c.TABLE_SCHEMA = 'PUBLIC' AND t.TABLE_TYPE = 'BASE TABLE'"
                        + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.append(rs.getString(1))
                        .append('.')
                        .append(rs.getString(2))
                        .append(',');
            }
        }
        return columns.toString();
    }

    /** {@return whether the arraysweep tables exist} */
    public static boolean exists(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "EPOCH_METRIC", null)) {
            return rs.next();
        }
    }

    private static Set<String> columnsOf(Connection c, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** {@return the parameter columns of {@code run_param}, in registry order} */
    public static List<ParamColumn> paramColumns() {
        return ParamColumns.all();
    }
}
