package dev.arraysweep.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewStampTest {
    static final List<String> A = List.of(
            "CREATE OR REPLACE VIEW v1 AS SELECT 1 AS x", "CREATE OR REPLACE VIEW v2 AS SELECT x + 10 AS y FROM v1");
    static final List<String> B = List.of(
            "CREATE OR REPLACE VIEW v1 AS SELECT 3 AS x", "CREATE OR REPLACE VIEW v2 AS SELECT x + 10 AS y FROM v1");

    @Test
    void viewsAreCreatedOnce_recreatedWhenTheirDefinitionsChange_orOneIsMissing() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:viewstamp");
                Statement st = c.createStatement()) {
            Schema.createViewsUnlessCurrent(c, A);
            assertThat(value(st, "SELECT y FROM v2")).isEqualTo(11);

            st.execute("CREATE OR REPLACE VIEW v1 AS SELECT 2 AS x"); // behind our back; v2's stamp unchanged
            Schema.createViewsUnlessCurrent(c, A);
            assertThat(value(st, "SELECT x FROM v1"))
                    .as("same definitions: nothing recreated")
                    .isEqualTo(2);

            Schema.createViewsUnlessCurrent(c, B);
            assertThat(value(st, "SELECT y FROM v2"))
                    .as("new definitions: recreated")
                    .isEqualTo(13);

            st.execute("DROP VIEW v2");
            Schema.createViewsUnlessCurrent(c, B);
            assertThat(value(st, "SELECT y FROM v2"))
                    .as("a missing view: recreated")
                    .isEqualTo(13);
        }
    }

    @Test
    void aColumnAddedToATableByAMigration_reachesTheViewsThatSelectAllOfItsColumns() throws Exception {
        List<String> views = List.of("CREATE OR REPLACE VIEW all_of_t AS SELECT t.* FROM t");
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:viewcolumns");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(a INT)");
            st.execute("INSERT INTO t VALUES (1)");
            Schema.createViewsUnlessCurrent(c, views);
            st.execute("ALTER TABLE t ADD COLUMN b INT DEFAULT 5"); // what V6 did to epoch_metric
            assertThat(columns(st, "SELECT * FROM all_of_t"))
                    .as("H2 keeps the columns the view had when it was made")
                    .isEqualTo(1);
            Schema.createViewsUnlessCurrent(c, views);
            assertThat(columns(st, "SELECT * FROM all_of_t")).isEqualTo(2);
            assertThat(value(st, "SELECT b FROM all_of_t")).isEqualTo(5);
        }
    }

    private static int columns(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.getMetaData().getColumnCount();
        }
    }

    private static int value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
