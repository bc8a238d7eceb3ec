package dev.arraysweep.orchestrator.dashboard;

import dev.arraysweep.db.repo.Database;
import java.util.function.Function;

/**
 * How the dashboard reads the results database, with the workers' journals ingested first; the embedded file is
 * held for one call or one short poll cycle ({@link ShortHoldReader}) only, so that it is free between requests.
 */
@FunctionalInterface
public interface DatabaseReader extends AutoCloseable {
    /** {@return what {@code read} makes of the database} */
    <T> T read(Function<Database, T> read);

    /** Closes the database if it is still open (the server has stopped). */
    @Override
    default void close() {}
}
