package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.journal.JournalListing;
import dev.arraysweep.db.repo.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

    /**
     * {@return the results database with every worker journal's new lines loaded first}, so that what a
     * command reads next includes the epochs workers could only journal (the database unreachable, a node
     * that lost its connection). The journals are listed while the database opens; a pass with nothing new
     * opens no file and takes a few tens of milliseconds on 10,000 journals.
     *
     * @param migrate whether to create or upgrade the schema ({@link #openDatabase}) or require it
     *     ({@link #openExistingDatabase})
     */
    Ingested openIngested(boolean migrate) {
        CompletableFuture<JournalListing> journals = CompletableFuture.supplyAsync(
                () -> JournalListing.of(workspace.root().resolve("runs")));
        Database db = migrate ? openDatabase() : openExistingDatabase();
        return new Ingested(db, new JournalIngest(db).ingest(journals.join()));
    }

    /** A database and what loading the journals into it did. */
    record Ingested(Database db, JournalIngest.Result result) {
        /** {@return a line saying what was loaded, or null when nothing was} */
        String summary() {
            if (result.metricRows() == 0 && result.stateChanges() == 0) {
                return null;
            }
            return "ingested " + result.metricRows() + " metric rows and " + result.stateChanges()
                    + " state changes from " + result.files() + " journals";
        }
    }

    /** Opens the database for a command that reads results: journals loaded first ({@link #openIngested}), said on stderr. */
    Database openForResults(boolean migrate) {
        Ingested ingested = openIngested(migrate);
        if (ingested.summary() != null) {
            err.println(ingested.summary() + " first");
        }
        return ingested.db();
    }
}
