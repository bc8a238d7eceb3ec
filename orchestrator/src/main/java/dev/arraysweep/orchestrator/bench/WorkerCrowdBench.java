package dev.arraysweep.orchestrator.bench;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.task.RunLock;
import dev.arraysweep.db.task.RunRecorder;
import dev.arraysweep.orchestrator.grid.Expander;
import dev.arraysweep.orchestrator.grid.SweepParser;
import dev.arraysweep.orchestrator.grid.SweepSpec;
import dev.arraysweep.orchestrator.server.DbServer;
import dev.arraysweep.orchestrator.status.SweepProgress;
import dev.arraysweep.orchestrator.sweep.SweepStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many workers at once, simulated as threads that do exactly what a worker does with its results (the training
 * left out): take the run's lock, journal a claim, two metric rows per epoch and a heartbeat, and the end; with
 * {@code db serve}, also write each event live ({@link RunRecorder}, the worker's own recorder). Measured for the
 * two ways a sweep can run: workers that write live through a database server, and workers that write only
 * their journals (the default), which {@code ingest} and {@code status} then load. Each mode checks that every
 * row arrived exactly once.
 */
public final class WorkerCrowdBench {
    private final Path root;
    private final PrintStream progress;

    /**
     * @param root an empty folder; each mode uses a work directory of its own below it
     */
    public WorkerCrowdBench(Path root, PrintStream progress) {
        this.root = root;
        this.progress = progress;
    }

    /** {@return the figures of {@code workers} simulated workers of {@code epochs} epochs, in both modes} */
    public Map<String, Object> run(int workers, int epochs) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workers", workers);
        m.put("epochs", epochs);
        m.put("db_serve", mode(workers, epochs, true));
        m.put("journal_only", mode(workers, epochs, false));
        return m;
    }

    private Map<String, Object> mode(int workers, int epochs, boolean live) throws Exception {
        String name = live ? "crowd-serve" : "crowd-journal";
        Workspace ws = new Workspace(root.resolve(name), null);
        String text = Workloads.sweep(name, workers, epochs);
        Path file = ws.root().resolve(name + ".yaml");
        Files.createDirectories(ws.root());
        Files.writeString(file, text);
        try (Database db = Database.open(ws.dbUrl())) {
            SweepSpec spec = SweepParser.parse(file, text);
            SweepStore.store(db, spec, text, Expander.expand(spec).runs(), true);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (live) {
            try (DbServer server = DbServer.start(ws.root(), 0, "127.0.0.1", "")) {
                Map<Integer, Long> ids;
                try (Database db = Database.open(server.url())) {
                    ids = runIds(db, name);
                }
                m.putAll(crowd(ws, name, workers, epochs, server.url(), ids));
                try (Database db = Database.open(server.url())) {
                    m.putAll(check(db, name, workers, epochs, "rows_written_live", "every_row_written_live_once"));
                    // what the server missed is the journals': an ingest completes it, as status would
                    new JournalIngest(db).ingestAll(ws.root().resolve("runs"));
                    m.putAll(check(db, name, workers, epochs, "rows", "every_row_exactly_once"));
                }
            }
        } else {
            Map<Integer, Long> ids;
            try (Database db = Database.open(ws.dbUrl())) {
                ids = runIds(db, name);
            }
            m.putAll(crowd(ws, name, workers, epochs, null, ids));
            try (Database db = Database.open(ws.dbUrl())) {
                long t0 = System.nanoTime();
                JournalIngest.Result r =
                        new JournalIngest(db).ingestAll(ws.root().resolve("runs"));
                long t1 = System.nanoTime();
                List<SweepProgress> status = SweepProgress.load(db, name);
                long t2 = System.nanoTime();
                m.put("ingest_seconds", seconds(t1 - t0));
                m.put("ingested_rows", r.metricRows());
                m.put("status_after_ingest_seconds", seconds(t2 - t1));
                m.put("status_runs_done", status.get(0).count(RunState.DONE));
                m.putAll(check(db, name, workers, epochs, "rows", "every_row_exactly_once"));
            }
        }
        progress.printf(Locale.ROOT, "bench %d workers, %s: %s%n", workers, live ? "db serve" : "journal only", m);
        return m;
    }

    private static Map<Integer, Long> runIds(Database db, String sweep) {
        Map<Integer, Long> ids = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT r.array_index, r.id FROM run r JOIN sweep s ON s.id ="
                        + " r.sweep_id WHERE s.name = :n")
                .bind("n", sweep)
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getLong(2)))
                .forEach(e -> ids.put(e.getKey(), e.getValue())));
        return ids;
    }

    /** Runs the simulated workers, all released at once; {@return throughput and write latencies} */
    private Map<String, Object> crowd(
            Workspace ws, String sweep, int workers, int epochs, String liveUrl, Map<Integer, Long> ids)
            throws Exception {
        ConcurrentLinkedQueue<Long> writes = new ConcurrentLinkedQueue<>();
        AtomicLong late = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int index = i;
            done.add(pool.submit(() -> {
                go.await();
                Database live = liveUrl == null ? null : Database.connectLater(liveUrl, Clock.systemUTC());
                try {
                    late.addAndGet(worker(ws, sweep, index, ids.get(index), epochs, live, writes));
                } finally {
                    if (live != null) {
                        live.close();
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        long t1 = System.nanoTime();
        pool.shutdown();
        long[] lat = writes.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("writes", lat.length);
        m.put("seconds", seconds(t1 - t0));
        m.put("writes_per_second", Math.round(lat.length / ((t1 - t0) / 1e9)));
        m.put("write_p50_ms", millis(percentile(lat, 0.50)));
        m.put("write_p99_ms", millis(percentile(lat, 0.99)));
        m.put("write_max_ms", millis(lat.length == 0 ? 0 : lat[lat.length - 1]));
        if (liveUrl != null) {
            m.put("events_the_server_never_took", late.get());
        }
        return m;
    }

    /**
     * One simulated worker, recording as the worker does ({@link RunRecorder}: journal first, then live with the
     * missed events retried in order); each record and each heartbeat is one timed write.
     * {@return the events the live database never took (left for ingest)}
     */
    private static int worker(
            Workspace ws,
            String sweep,
            int index,
            long runId,
            int epochs,
            Database live,
            ConcurrentLinkedQueue<Long> writes) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (RunLock lock = RunLock.tryAcquire(
                                ws.runLock(sweep, index), Map.of("job", "bench"), Duration.ZERO, Clock.systemUTC())
                        .orElseThrow();
                RunRecorder recorder = new RunRecorder(Journal.open(ws.journal(sweep, index)), live, runId, quiet)) {
            timed(
                    writes,
                    () -> recorder.record(new JournalEvent(
                            JournalEvent.CLAIM,
                            sweep,
                            index,
                            runId,
                            1,
                            System.currentTimeMillis(),
                            0,
                            List.of(),
                            "bench",
                            "bench",
                            "bench",
                            "bench")));
            for (int e = 0; e < epochs; e++) {
                int epoch = e;
                timed(
                        writes,
                        () -> recorder.record(new JournalEvent(
                                JournalEvent.EPOCH,
                                sweep,
                                index,
                                runId,
                                1,
                                System.currentTimeMillis(),
                                epoch + 1,
                                List.of(Workloads.metrics(epoch, "train"), Workloads.metrics(epoch, "test")),
                                null)));
                timed(writes, () -> {
                    lock.touch(Instant.now());
                    recorder.heartbeat(1, epoch + 1);
                });
            }
            timed(
                    writes,
                    () -> recorder.record(new JournalEvent(
                            JournalEvent.DONE,
                            sweep,
                            index,
                            runId,
                            1,
                            System.currentTimeMillis(),
                            epochs,
                            List.of(),
                            null)));
            recorder.flush();
            return recorder.unwritten();
        }
    }

    private static void timed(ConcurrentLinkedQueue<Long> writes, Runnable write) {
        long t = System.nanoTime();
        write.run();
        writes.add(System.nanoTime() - t);
    }

    /** {@return whether every run is done and every (run, epoch, split) row is there exactly once} */
    private static Map<String, Object> check(
            Database db, String sweep, int workers, int epochs, String rowsKey, String onceKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM epoch_metric m JOIN run r ON r.id ="
                        + " m.run_id JOIN sweep s ON s.id = r.sweep_id WHERE s.name = :n")
                .bind("n", sweep)
                .mapTo(Long.class)
                .one());
        long done = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM run r JOIN sweep s ON s.id ="
                        + " r.sweep_id WHERE s.name = :n AND r.state = 'done'")
                .bind("n", sweep)
                .mapTo(Long.class)
                .one());
        m.put(rowsKey, rows);
        m.put("rows_expected", 2L * workers * epochs);
        m.put(onceKey, rows == 2L * workers * epochs && done == workers);
        return m;
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }
}
