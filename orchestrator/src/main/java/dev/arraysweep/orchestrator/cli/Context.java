package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Plural;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.journal.JournalListing;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.task.TaskFile;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a command may touch: its output streams, environment, clock and work directory; injectable so
 * tests run commands in-process and read what they printed.
 */
record Context(
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        Clock clock,
        Workspace workspace,
        List<Database> opened) {
    Context(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Workspace workspace) {
        this(out, err, env, clock, workspace, new ArrayList<>());
    }

    /**
     * {@return the results database, migrated (created on first use)}; it stays this command's until
     * {@link #closeDatabases} (an embedded file: no other process opens it meanwhile)
     */
    Database openDatabase() {
        return track(Database.open(workspace.dbUrl(), clock, true));
    }

    /**
     * {@return the results database without migrating; the schema must exist} A command that only reads never
     * creates the embedded file: without it, it stops (exit 3) saying where it looked and what to run.
     */
    Database openExistingDatabase() {
        if (!workspace.hasDatabase()) {
            throw ExitException.wrongState(noDatabase());
        }
        return track(Database.open(workspace.dbUrl(), clock, false));
    }

    /** {@return where a command looked for the database it did not find, and what to run} */
    String noDatabase() {
        return "no results database in " + workspace.root() + " (looked for " + workspace.databaseFileOnDisk()
                + "); store a sweep first: arraysweep expand sweeps/demo.yaml, or point at another work directory"
                + " with --workdir DIR (or $" + Workspace.WORKDIR_ENV + ")";
    }

    private Database track(Database db) {
        synchronized (opened) {
            opened.add(db);
        }
        return db;
    }

    /**
     * Closes every database this command opened, so that the next process may have an embedded file; {@code Main}
     * calls it when the command ends, and a command that waits on other processes (run-local) calls it before.
     */
    void closeDatabases() {
        synchronized (opened) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                opened.get(i).close();
            }
            opened.clear();
        }
    }

    /** Writes the task files of every run of {@code sweep}, from which workers start (see {@link TaskFile}). */
    void writeTaskFiles(Database db, Sweep sweep) {
        TaskFile.writeAll(workspace, sweep.name(), db.runs().bySweep(sweep.id()));
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
        JournalIngest ingest = new JournalIngest(db);
        JournalIngest.Result result = ingest.ingest(journals.join());
        ingest.refreshHeartbeats(workspace.root().resolve("runs"));
        return new Ingested(db, result);
    }

    /** A database and what loading the journals into it did. */
    record Ingested(Database db, JournalIngest.Result result) {
        /** {@return a line saying what was loaded, or null when nothing was} */
        String summary() {
            if (result.metricRows() == 0 && result.stateChanges() == 0) {
                return null;
            }
            return "ingested " + Plural.of(result.metricRows(), "metric row") + " and "
                    + Plural.of(result.stateChanges(), "state change") + " from "
                    + Plural.of(result.files(), "journal");
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
