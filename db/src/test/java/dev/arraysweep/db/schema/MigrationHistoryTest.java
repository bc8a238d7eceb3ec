package dev.arraysweep.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.repo.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationHistoryTest {
    @TempDir
    Path dir;

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void aNewDatabaseIsNotCurrent_aMigratedOneIs_andAFailedMigrationMakesItNotCurrentAgain() throws Exception {
        assertThat(MigrationHistory.newestShipped()).isPresent();
        try (Connection c = connect()) {
            assertThat(MigrationHistory.isCurrent(c)).isFalse();
        }
        Database.open("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1");
        try (Connection c = connect()) {
            assertThat(MigrationHistory.isCurrent(c)).isTrue();
            c.createStatement()
                    .execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE"
                            + " WHERE \"installed_rank\" = 1");
            assertThat(MigrationHistory.isCurrent(c)).isFalse();
        }
    }
}
