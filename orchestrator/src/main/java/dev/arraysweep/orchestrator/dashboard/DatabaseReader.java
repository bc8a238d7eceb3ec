package dev.arraysweep.orchestrator.dashboard;

import dev.arraysweep.db.repo.Database;
import java.util.function.Function;

/**
 * How the dashboard reads the results database: one call opens it (with the workers' journals ingested first),
 * applies {@code read} and closes it again, so that the embedded file is free between requests.
 */
@FunctionalInterface
public interface DatabaseReader {
    /** {@return what {@code read} makes of the database, opened for this call only} */
    <T> T read(Function<Database, T> read);
}
