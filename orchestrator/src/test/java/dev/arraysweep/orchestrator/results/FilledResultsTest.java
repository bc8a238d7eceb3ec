package dev.arraysweep.orchestrator.results;

import dev.arraysweep.db.repo.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the results tests: one work directory ({@code dir/work}) filled by {@link ResultsFixture} for the whole
 * test class, open as {@link #db}, released after the class. A subclass's own {@code @BeforeAll} runs after it.
 */
public abstract class FilledResultsTest {
    @TempDir
    protected static Path dir;

    private static ResultsFixture.Held held;
    protected static Database db;

    @BeforeAll
    protected static void fillResults() {
        held = ResultsFixture.filled(dir.resolve("work"));
        db = held.db();
    }

    @AfterAll
    protected static void releaseResults() throws Exception {
        held.close();
    }
}
