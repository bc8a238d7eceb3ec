package dev.arraysweep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.repo.Database;
import java.nio.file.Files;
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
    void closesTheDatabasesUnderTheDirectory_soTheLockFileStaysGone_andLeavesOthersOpen() throws Exception {
        Database.open(Workspace.embeddedUrl(dir)); // stays open in this JVM: DB_CLOSE_DELAY=-1
        Database.open(Workspace.embeddedUrl(other));
        Path lock = dir.resolve("arraysweep.lock.db");
        Path otherLock = other.resolve("arraysweep.lock.db");
        Files.delete(lock);
        Files.delete(otherLock);
        Thread.sleep(2500); // H2's watchdog rewrites a lock file within a second while its database is open
        assertThat(lock).exists();
        assertThat(otherLock).exists();

        H2ShutdownExtension.shutdownUnder(List.of(dir));

        assertThat(lock).doesNotExist();
        Files.delete(otherLock);
        Thread.sleep(2500);
        assertThat(lock).as("closed: no watchdog rewrites it").doesNotExist();
        assertThat(otherLock).as("still open: its watchdog rewrote it").exists();
        assertThat(Database.open(Workspace.embeddedUrl(dir)).sweeps().list()).isEmpty(); // reopens cleanly
    }
}
