package dev.arraysweep.orchestrator.bench;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.ExpansionResult;
import dev.arraysweep.db.task.TaskFile;
import dev.arraysweep.orchestrator.grid.Expander;
import dev.arraysweep.orchestrator.grid.Expansion;
import dev.arraysweep.orchestrator.grid.SweepParser;
import dev.arraysweep.orchestrator.grid.SweepSpec;
import dev.arraysweep.orchestrator.sweep.SweepStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Times the orchestrator's bulk work in a work directory of its own: expanding a large grid (parse, expand,
 * store), and ingesting worker journals of many epoch rows; it also sets up the sweep that {@code status}
 * is then timed on. Every figure is wall-clock seconds of the real code path, measured once (these are
 * seconds-long operations, not microbenchmarks).
 */
public final class OrchestratorBench {
    /** The name of the sweep whose journals are ingested and whose status is shown. */
    public static final String STATUS_SWEEP = "bench-status";

    private static final String GRID_SWEEP = "bench-grid";
    private static final int EPOCHS_TOTAL_FACTOR = 2;

    private final Workspace workspace;
    private final Clock clock;
    private final PrintStream progress;

    public OrchestratorBench(Workspace workspace, Clock clock, PrintStream progress) {
        this.workspace = workspace;
        this.clock = clock;
        this.progress = progress;
    }

    /** {@return the seconds of parsing, expanding and storing a sweep of {@code runs} runs, and of storing it again} */
    public Map<String, Object> expand(int runs) {
        String text = Workloads.sweep(GRID_SWEEP, runs, 10);
        Path file = write(GRID_SWEEP, text);
        long t0;
        long t1;
        long t2;
        long t3;
        long t4;
        long t5;
        ExpansionResult stored;
        ExpansionResult again;
        try (Database db = Database.open(workspace.dbUrl(), clock, true)) {
            t0 = System.nanoTime();
            SweepSpec spec = SweepParser.parse(file, text);
            t1 = System.nanoTime();
            Expansion expansion = Expander.expand(spec);
            t2 = System.nanoTime();
            stored = SweepStore.store(db, spec, text, expansion.runs(), true);
            t3 = System.nanoTime();
            // what `expand` writes besides the database: a task file per run, for workers to start from
            TaskFile.writeAll(
                    workspace,
                    GRID_SWEEP,
                    db.runs().bySweep(db.sweeps().find(GRID_SWEEP).orElseThrow().id()));
            t4 = System.nanoTime();
            again = SweepStore.store(
                    db,
                    spec,
                    text,
                    Expander.expand(SweepParser.parse(file, text)).runs(),
                    true);
            t5 = System.nanoTime();
        }
        if (stored.added() != runs || again.changed()) {
            throw new IllegalStateException("the benchmark grid stored " + stored.added() + " of " + runs + " runs"
                    + (again.changed() ? " and changed on re-expansion" : ""));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("parse_seconds", seconds(t0, t1));
        m.put("expand_seconds", seconds(t1, t2));
        m.put("store_seconds", seconds(t2, t3));
        m.put("task_files_seconds", seconds(t3, t4));
        m.put("total_seconds", seconds(t0, t4));
        m.put("re_expand_unchanged_seconds", seconds(t4, t5));
        progress.printf(
                Locale.ROOT,
                "bench expand %d runs: parse %.2f s, expand %.2f s, store %.2f s, task files"
                        + " %.2f s; again unchanged %.2f s%n",
                runs,
                seconds(t0, t1),
                seconds(t1, t2),
                seconds(t2, t3),
                seconds(t3, t4),
                seconds(t4, t5));
        return m;
    }

    /**
     * Stores a sweep of {@code runs} runs, writes a journal per run holding {@code rows} epoch rows in all (half
     * the runs finished, half still running), and times ingesting them, then ingesting again with nothing new
     * (what every {@code status} does first). {@return the figures}
     */
    public Map<String, Object> ingest(int runs, long rows) {
        int epochs = (int) Math.max(1, rows / (2L * runs));
        String text = Workloads.sweep(STATUS_SWEEP, runs, EPOCHS_TOTAL_FACTOR * epochs);
        Path file = write(STATUS_SWEEP, text);
        long t0;
        long t1;
        long t2;
        long written;
        JournalIngest.Result first;
        JournalIngest.Result second;
        try (Database db = Database.open(workspace.dbUrl(), clock, true)) {
            SweepSpec spec = SweepParser.parse(file, text);
            SweepStore.store(db, spec, text, Expander.expand(spec).runs(), true);
            // every journal starts with its worker's claim; the unfinished half stays running
            written = Workloads.journals(workspace, STATUS_SWEEP, runs, epochs, runs / 2);
            JournalIngest ingest = new JournalIngest(db);
            t0 = System.nanoTime();
            first = ingest.ingestAll(workspace.root().resolve("runs"));
            t1 = System.nanoTime();
            second = ingest.ingestAll(workspace.root().resolve("runs"));
            t2 = System.nanoTime();
        }
        if (first.metricRows() != written || second.metricRows() != 0) {
            throw new IllegalStateException("ingested " + first.metricRows() + " of " + written
                    + " benchmark rows, then " + second.metricRows() + " more");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("journals", first.files());
        m.put("epoch_rows", written);
        m.put("events", first.events());
        m.put("ingest_seconds", seconds(t0, t1));
        m.put("rows_per_second", Math.round(written / ((t1 - t0) / 1e9)));
        m.put("ingest_again_nothing_new_seconds", seconds(t1, t2));
        progress.printf(
                Locale.ROOT,
                "bench ingest %d rows from %d journals: %.2f s; again, nothing new: %.2f s%n",
                written,
                first.files(),
                seconds(t0, t1),
                seconds(t1, t2));
        return m;
    }

    private Path write(String name, String text) {
        Path file = workspace.root().resolve(name + ".yaml");
        try {
            Files.createDirectories(workspace.root());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static double seconds(long from, long to) {
        return Math.round((to - from) / 1e6) / 1e3;
    }
}
