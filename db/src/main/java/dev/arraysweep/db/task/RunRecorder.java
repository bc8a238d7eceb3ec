package dev.arraysweep.db.task;

import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalApply;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.repo.Database;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one attempt's events: in the journal first (forced to disk: the record that nothing can lose), then,
 * when the worker writes live through a database server, in the database by the same rules ingest uses
 * ({@link JournalApply}). Events the database could not take (server restarted, connection broken) wait and are
 * written in order once it answers again; whatever is left when the attempt ends is ingest's to load.
 * The worker records through this; so does the crowd benchmark, which simulates many workers.
 */
public final class RunRecorder implements AutoCloseable {
    private final Journal journal;
    private final Database live;
    private final long runId;
    private final PrintStream out;
    private final List<JournalEvent> unwritten = new ArrayList<>();
    private boolean down;

    /**
     * @param live the database to write to as events happen, or null to write only the journal
     */
    public RunRecorder(Journal journal, Database live, long runId, PrintStream out) {
        this.journal = journal;
        this.live = live;
        this.runId = runId;
        this.out = out;
    }

    /** Journals {@code e}, then writes it and anything still unwritten to the live database. */
    public synchronized void record(JournalEvent e) {
        journal.append(e);
        if (live != null) {
            unwritten.add(e);
            write();
        }
    }

    /** Refreshes the attempt's heartbeat in the live database (the lock file carries it otherwise). */
    public synchronized void heartbeat(int attempt, int epochsDone) {
        if (live == null) {
            return;
        }
        write();
        if (!down) {
            try {
                live.runs().heartbeat(runId, attempt, epochsDone);
            } catch (RuntimeException e) {
                unreachable(e);
            }
        }
    }

    /** {@return how many events the live database has not taken yet} */
    public synchronized int unwritten() {
        return unwritten.size();
    }

    /** Writes what the live database has not taken yet, if it answers now. */
    public synchronized void flush() {
        if (live != null) {
            write();
        }
    }

    private void write() {
        int before = unwritten.size();
        while (!unwritten.isEmpty()) {
            JournalEvent e = unwritten.get(0);
            try {
                live.jdbi().useTransaction(h -> JournalApply.apply(h, runId, e));
            } catch (RuntimeException ex) {
                unreachable(ex);
                return;
            }
            unwritten.remove(0);
        }
        if (down) {
            down = false;
            out.println("the database answers again: wrote the " + before + " events it had missed");
        }
    }

    private void unreachable(RuntimeException e) {
        live.reconnect(); // a broken connection is not reused; the next write connects anew
        if (!down) {
            down = true;
            out.println("warning: cannot write to the database (" + firstLine(e) + "); training goes on, the"
                    + " journal keeps every result, and they are written when it answers again (or by"
                    + " `arraysweep ingest`)");
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        journal.close();
    }
}
