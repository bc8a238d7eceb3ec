package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.repo.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch: its output streams, environment, clock and work directory; injectable so
 * tests run commands in-process and read what they printed.
 */
record Context(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Workspace workspace) {
    /** {@return the results database, migrated (created on first use)} */
    Database openDatabase() {
        return Database.open(workspace.dbUrl(), clock, true);
    }

    /** {@return the results database without migrating; the schema must exist} */
    Database openExistingDatabase() {
        return Database.open(workspace.dbUrl(), clock, false);
    }
}
