package dev.arraysweep.orchestrator.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.journal.JournalListing;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.bench.OrchestratorBench;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code arraysweep dashboard --bench}: fills a work directory with a sweep of {@code runs} runs of {@code epochs}
 * epochs (two metric rows each, through journals, as {@code arraysweep bench} does), serves it, and times the
 * run table, the group list and one curve panel's JSON over HTTP, each try after the {@link ShortHoldReader#HOLD}
 * has passed, so that each opens the database and lists the journals, as the page's next poll does.
 */
public final class DashboardBench {
    private static final int REPEATS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardBench() {}

    /** {@return the figures} */
    public static Map<String, Object> run(Workspace ws, Clock clock, PrintStream progress, int runs, int epochs)
            throws IOException, InterruptedException {
        OrchestratorBench bench = new OrchestratorBench(ws, clock, progress);
        Map<String, Object> filled = bench.ingest(runs, 2L * runs * epochs);
        Supplier<Database> open = () -> {
            Database db = Database.open(ws.dbUrl(), clock, false);
            // as the command does: journals first (nothing new here, but the listing is paid for)
            new JournalIngest(db).ingest(JournalListing.of(ws.root().resolve("runs")));
            return db;
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filled", filled);
        String sweep = OrchestratorBench.STATUS_SWEEP;
        // what a cold request pays before its query, and the run table's query and JSON on an open database
        out.put("open_and_ingest_seconds", seconds(() -> open.get().close()));
        try (Database db = open.get()) {
            out.put("run_table_query_and_json_seconds", seconds(() -> {
                try {
                    JSON.writeValueAsBytes(DashboardApi.runs(db, sweep));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        progress.printf(
                Locale.ROOT,
                "bench dashboard: open + ingest %s s, run table query + JSON %s s%n",
                out.get("open_and_ingest_seconds"),
                out.get("run_table_query_and_json_seconds"));
        DatabaseReader reader = new ShortHoldReader(open, Database::close, ShortHoldReader.HOLD);
        try (DashboardServer server = DashboardServer.start(new DashboardApi(reader, ws), 0, "localhost", null)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + server.port() + "/api/";
            out.put("sweeps", time(http, base + "sweeps", progress));
            out.put("run_table", time(http, base + "sweeps/" + sweep + "/runs", progress));
            out.put("groups", time(http, base + "sweeps/" + sweep + "/groups", progress));
            out.put(
                    "curve_panel",
                    time(http, base + "sweeps/" + sweep + "/curves?group=1&metric=accuracy&split=test", progress));
        }
        return out;
    }

    private static List<Double> seconds(Runnable task) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            task.run();
            out.add(Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
        }
        return out;
    }

    private static Map<String, Object> time(HttpClient http, String url, PrintStream progress)
            throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < REPEATS; i++) {
            // past the hold: every try opens the database and lists the journals, as a poll 2 s after the last does
            Thread.sleep(ShortHoldReader.HOLD.toMillis() + 200);
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            seconds.add(Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + new String(r.body()));
            }
            bytes = r.body().length;
        }
        progress.printf(Locale.ROOT, "bench dashboard %s: %s s, %d bytes%n", url, seconds, bytes);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url.replaceFirst("http://localhost:\\d+", ""));
        m.put("seconds", seconds);
        m.put("bytes", bytes);
        return m;
    }
}
