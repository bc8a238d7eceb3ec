package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.repo.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a command may touch: its output streams, environment, clock and work directory; injectable so
 * tests run commands in-process and read what they printed.
 *
 * @param opened what the command opened and {@link Main} closes when it ends, last first
 */
record Context(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Workspace workspace,
               List<AutoCloseable> opened) {
    /** {@return the results database, migrated (created on first use)} */
    Database openDatabase() {
        return keptOpen(Database.open(workspace.dbUrl(), clock, true));
    }

    /** {@return the results database without migrating; the schema must exist} */
    Database openExistingDatabase() {
        return keptOpen(Database.open(workspace.dbUrl(), clock, false));
    }

    /**
     * Holds one connection open until the command ends, so that H2 keeps the database open in between its
     * statements instead of closing and reopening the file for each (slow, and reopening right after a
     * close is where H2 has been seen to lose writes).
     */
    private Database keptOpen(Database db) {
        opened.add(db.jdbi().open());
        return db;
    }
}
