package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.orchestrator.dashboard.DashboardServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's JSON endpoints and its access rule, over HTTP, on the journaled demo (issue 17). */
class DashboardApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DashboardFixture fx;
    private Context ctx;
    private DashboardServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        fx = new DashboardFixture(dir.resolve("work"));
        ctx = fx.context();
        server = DashboardCommand.start(ctx, 0, "localhost", null);
    }

    @AfterEach
    void stop() {
        server.close();
        ctx.closeDatabases();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void runTable_listsEveryRunWithItsLatestEpochAndVariedParameters_andTheDatabaseIsClosedAfterItsHold()
            throws Exception {
        JsonNode d = json("/api/sweeps/demo/runs");
        assertThat(d.get("params").toString()).contains("\"batch_filtering\"", "\"model\"", "\"seed\"");
        assertThat(d.get("params").toString()).doesNotContain("learning_rate");
        List<String> columns = new ArrayList<>();
        d.get("columns").forEach(c -> columns.add(c.asText()));
        assertThat(d.get("rows")).hasSize(8);
        JsonNode run0 = d.get("rows").get(0);
        assertThat(run0.get(columns.indexOf("state")).asText()).isEqualTo("done");
        assertThat(run0.get(columns.indexOf("test_accuracy")).asDouble())
                .isCloseTo(DashboardFixture.accuracy(0, 3), within(1e-12));
        JsonNode run6 = d.get("rows").get(6);
        assertThat(run6.get(columns.indexOf("state")).asText()).isEqualTo("running");
        assertThat(run6.get(columns.indexOf("epochs_done")).asInt()).isEqualTo(2);
        // the embedded file is held for one short poll cycle, then let go; the next request opens it again and
        // ingests what the journals gained meanwhile
        awaitClosed();

        fx.epoch(6, 2);
        fx.fail(7, 1, "RuntimeException: out of memory\n\tat somewhere");
        JsonNode again = json("/api/sweeps/demo/runs");
        assertThat(again.get("rows").get(6).get(columns.indexOf("epochs_done")).asInt())
                .isEqualTo(3);
        assertThat(again.get("rows").get(7).get(columns.indexOf("state")).asText())
                .isEqualTo("failed");
        assertThat(again.get("rows").get(7).get(columns.indexOf("error")).asText())
                .isEqualTo("RuntimeException: out of memory");
    }

    /** Waits (at most a minute: the machine may be loaded) until the dashboard has closed the database. */
    private void awaitClosed() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!ctx.opened().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ctx.opened()).as("the database is closed after its hold").isEmpty();
    }

    @Test
    void sweeps_countRunsPerStateAndEpochs() throws Exception {
        JsonNode s = json("/api/sweeps").get("sweeps").get(0);
        assertThat(s.get("name").asText()).isEqualTo("demo");
        assertThat(s.get("counts").get("done").asInt()).isEqualTo(6);
        assertThat(s.get("counts").get("running").asInt()).isEqualTo(2);
        assertThat(s.get("epochs_done").asLong()).isEqualTo(6 * 4 + 2 + 1);
        assertThat(s.get("epochs_total").asLong()).isEqualTo(8 * 4);
    }

    @Test
    void curves_areTheMeanAndMinMaxOverSeeds_perSetting_archetypeFirst() throws Exception {
        JsonNode list = json("/api/sweeps/demo/groups");
        assertThat(list.get("groups")).hasSize(2);
        for (JsonNode listed : list.get("groups")) {
            int number = listed.get("group").asInt();
            JsonNode g = json("/api/sweeps/demo/curves?metric=accuracy&split=test&group=" + number)
                    .get("group");
            assertThat(g.get("label").asText()).isEqualTo(listed.get("label").asText());
            assertThat(g.get("settings").toString())
                    .as("one panel: the group's settings and runs, as listed")
                    .contains(listed.get("settings").get(0).get("runs").toString());
            assertThat(g.get("settings")).hasSize(2);
            assertThat(g.get("settings").get(0).get("archetype").asBoolean()).isTrue();
            for (JsonNode s : g.get("settings")) {
                List<Integer> runs = new ArrayList<>();
                s.get("runs").forEach(r -> runs.add(r.asInt()));
                assertThat(runs).hasSize(2);
                double mean = runs.stream()
                        .mapToDouble(i -> DashboardFixture.accuracy(i, 0))
                        .average()
                        .orElseThrow();
                assertThat(s.get("x").get(0).asDouble()).isZero();
                assertThat(s.get("mean").get(0).asDouble()).isCloseTo(mean, within(1e-12));
                assertThat(s.get("low").get(0).asDouble())
                        .isCloseTo(
                                DashboardFixture.accuracy(
                                        runs.stream().mapToInt(i -> i).min().orElseThrow(), 0),
                                within(1e-12));
                assertThat(s.get("high").get(0).asDouble())
                        .isCloseTo(
                                DashboardFixture.accuracy(
                                        runs.stream().mapToInt(i -> i).max().orElseThrow(), 0),
                                within(1e-12));
            }
        }
        // test over train: acc / (acc + 0.01) per run, averaged; x in wall-clock seconds (1.5 s per epoch)
        JsonNode ratio = json("/api/sweeps/demo/curves?metric=accuracy&split=ratio&x=wall&group=1");
        JsonNode s = ratio.get("group").get("settings").get(0);
        double expected = 0;
        for (JsonNode r : s.get("runs")) {
            double a = DashboardFixture.accuracy(r.asInt(), 1);
            expected += a / (a + 0.01) / s.get("runs").size();
        }
        assertThat(s.get("x").get(1).asDouble()).isCloseTo(3.0, within(1e-12));
        assertThat(s.get("mean").get(1).asDouble()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void gpuCurves_areTheEpochMeansNvidiaSmiReported_averagedOverSeeds() throws Exception {
        JsonNode s = json("/api/sweeps/demo/curves?metric=gpu_utilization&group=1")
                .get("group")
                .get("settings")
                .get(0);
        double expected = 0;
        for (JsonNode r : s.get("runs")) {
            expected += DashboardFixture.gpuUtilization(r.asInt(), 1)
                    / s.get("runs").size();
        }
        assertThat(s.get("x").get(1).asDouble()).isEqualTo(1.0);
        assertThat(s.get("mean").get(1).asDouble()).isCloseTo(expected, within(1e-12));
        JsonNode power = json("/api/sweeps/demo/curves?metric=gpu_power_watts&group=1")
                .get("group")
                .get("settings")
                .get(0);
        assertThat(power.get("mean").get(0).asDouble()).isEqualTo(250.0);
    }

    @Test
    void runPage_hasParamsEventsEpochsAndLog_reportHasPairedIntervals() throws Exception {
        JsonNode r = json("/api/runs/demo/6");
        assertThat(r.get("state").asText()).isEqualTo("running");
        assertThat(r.get("params").get("epochs").asInt()).isEqualTo(4);
        assertThat(r.get("epochs").get("test")).hasSize(2);
        assertThat(r.get("epochs").get("test").get(1).get(1).asDouble())
                .isCloseTo(DashboardFixture.accuracy(6, 1), within(1e-12));
        assertThat(r.get("events").toString()).contains("claim");

        JsonNode report = json("/api/sweeps/demo/report?at=1");
        JsonNode filtered = report.get("groups").get(0).get("rows").get(1);
        assertThat(filtered.get("paired_difference")
                        .get("test_accuracy")
                        .get("n")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void mistakes_getAClearAnswer() throws Exception {
        HttpResponse<String> noSweep = get("/api/sweeps/nope/runs");
        assertThat(noSweep.statusCode()).isEqualTo(404);
        assertThat(noSweep.body()).contains("nope");
        assertThat(get("/api/sweeps/demo/curves?metric=speed&group=1").statusCode())
                .isEqualTo(400);
        HttpResponse<String> noGroup = get("/api/sweeps/demo/curves?metric=accuracy");
        assertThat(noGroup.statusCode()).isEqualTo(400);
        assertThat(noGroup.body()).contains("group=N", "/api/sweeps/demo/groups");
        assertThat(get("/api/sweeps/demo/curves?group=0").statusCode()).isEqualTo(400);
        HttpResponse<String> noSuchGroup = get("/api/sweeps/demo/curves?group=3");
        assertThat(noSuchGroup.statusCode()).isEqualTo(404);
        assertThat(noSuchGroup.body()).contains("has 2 groups");
        assertThat(get("/api/runs/demo/99").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/sweeps"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        HttpResponse<String> uplot = get("/static/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertThat(get("/").body()).contains("static/app.js").doesNotContain("https://");
    }

    @Test
    void anotherBindAddress_needsAToken_checkedOnEveryRequest() throws Exception {
        assertThatThrownBy(() -> DashboardCommand.start(ctx, 0, "0.0.0.0", null))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("--token-file")
                .extracting(e -> ((ExitException) e).exitCode())
                .isEqualTo(ExitException.BAD_INPUT);
        try (DashboardServer guarded = DashboardCommand.start(ctx, 0, "localhost", "s3cret")) {
            String base = "http://localhost:" + guarded.port();
            assertThat(status(base + "/api/sweeps", null)).isEqualTo(401);
            assertThat(status(base + "/api/sweeps?token=wrong", null)).isEqualTo(401);
            assertThat(status(base + "/api/sweeps?token=s3cret", null)).isEqualTo(200);
            assertThat(status(base + "/api/sweeps", "Bearer s3cret")).isEqualTo(200);
            assertThat(guarded.url()).endsWith("?token=s3cret");
        }
    }

    private int status(String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
