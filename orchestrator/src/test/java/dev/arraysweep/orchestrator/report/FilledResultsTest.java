package dev.arraysweep.orchestrator.report;

import dev.arraysweep.db.repo.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the results tests: one work directory ({@code dir/work}) filled by {@link ResultsFixture} for the whole
 * test class, open as {@link #db}, released after the class. A subclass's own {@code @BeforeAll} runs after it.
 */
abstract class FilledResultsTest {
    @TempDir
    static Path dir;
    static ResultsFixture.Held held;
    static Database db;

    @BeforeAll
    static void fillResults() {
        held = ResultsFixture.filled(dir.resolve("work"));
        db = held.db();
    }

    @AfterAll
    static void releaseResults() throws Exception {
        held.close();
    }
}
