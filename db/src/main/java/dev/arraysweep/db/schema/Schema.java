package dev.arraysweep.db.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the schema: Flyway's versioned migrations, then one typed column per run
 * parameter in {@code run_param}, twin keys of runs stored before version 2, then the views users query.
 */
public final class Schema {
    private Schema() {
    }

    /** Migrates the database behind {@code ds} to the current schema; safe to call on every start. */
    public static void migrate(DataSource ds) throws SQLException {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            Set<String> have = columnsOf(c, "RUN_PARAM");
            for (ParamColumn col : ParamColumns.all()) {
                if (!have.contains(col.name().toUpperCase(Locale.ROOT))) {
                    st.execute("ALTER TABLE run_param ADD COLUMN " + col.quoted() + " " + col.sqlType());
                }
            }
            TwinKeyBackfill.run(c);
            for (String view : Views.definitions(ParamColumns.all())) {
                st.execute(view);
            }
        }
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
