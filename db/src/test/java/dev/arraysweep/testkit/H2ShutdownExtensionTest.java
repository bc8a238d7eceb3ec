package dev.arraysweep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.repo.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ShutdownExtensionTest {
    @TempDir
    Path dir;

    @TempDir
    Path other;

    @Test
    void closesTheDatabasesUnderTheDirectory_andLeavesOthersOpen() throws Exception {
        Database.open(Workspace.embeddedUrl(dir)); // stays open in this JVM: DB_CLOSE_DELAY=-1
        Database.open(Workspace.embeddedUrl(other));
        assertThat(openUnder(dir)).isTrue();
        assertThat(openUnder(other)).isTrue();
        assertThat(dir.resolve("arraysweep.lock.db"))
                .as("no AUTO_SERVER, so no lock-file watchdog")
                .doesNotExist();

        H2ShutdownExtension.shutdownUnder(List.of(dir));

        assertThat(openUnder(dir)).isFalse();
        assertThat(openUnder(other)).isTrue();
        assertThat(Database.open(Workspace.embeddedUrl(dir)).sweeps().list()).isEmpty(); // reopens cleanly
    }

    private static boolean openUnder(Path d) throws Exception {
        String root = d.toAbsolutePath().normalize() + "/";
        for (Object db : H2ShutdownExtension.openDatabases()) {
            String path = (String) db.getClass().getMethod("getDatabasePath").invoke(db);
            if (path != null && path.startsWith(root)) {
                return true;
            }
        }
        return false;
    }
}
