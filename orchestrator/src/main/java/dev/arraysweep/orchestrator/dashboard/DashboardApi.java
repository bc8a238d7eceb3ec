package dev.arraysweep.orchestrator.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.plot.Band;
import dev.arraysweep.orchestrator.plot.Curve;
import dev.arraysweep.orchestrator.report.At;
import dev.arraysweep.orchestrator.report.Report;
import dev.arraysweep.orchestrator.report.ReportData;
import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.Grouping;
import dev.arraysweep.orchestrator.results.Metric;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Setting;
import dev.arraysweep.orchestrator.results.SweepResults;
import dev.arraysweep.orchestrator.status.RunRow;
import dev.arraysweep.orchestrator.status.SweepProgress;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The dashboard's JSON endpoints (documented in {@code docs/dashboard.md}); each answer is one read of the
 * database through the {@link DatabaseReader}. Tables are compact: a list of column names and one array per row.
 */
public final class DashboardApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bytes of a run's log the run page shows, from its end. */
    static final int LOG_TAIL_BYTES = 16 * 1024;

    /** The figures a curve panel can show: the thesis' four metrics and the sampler figure's three. */
    static final Map<String, ToDoubleFunction<EpochRow>> FIGURES = figures();

    private final DatabaseReader reader;
    private final Workspace workspace;

    /** One answer: an HTTP status and its JSON body. */
    record Answer(int status, byte[] json) {}

    public DashboardApi(DatabaseReader reader, Workspace workspace) {
        this.reader = reader;
        this.workspace = workspace;
    }

    /** Lets go of the database, if it is held. */
    void close() {
        reader.close();
    }

    /** {@return the answer to {@code GET /api<path>?<query>}} */
    Answer answer(String path, Map<String, String> query) {
        String[] p = path.replaceAll("/+$", "").split("/");
        try {
            if (p.length == 2 && p[1].equals("sweeps")) {
                return ok(reader.read(DashboardApi::sweeps));
            }
            if (p.length == 4 && p[1].equals("sweeps")) {
                String sweep = p[2];
                return switch (p[3]) {
                    case "runs" -> ok(reader.read(db -> runs(db, sweep)));
                    case "groups" -> ok(reader.read(db -> groups(db, sweep)));
                    case "curves" -> ok(curves(sweep, query));
                    case "report" -> new Answer(200, bytes(reader.read(db -> report(db, sweep, query))));
                    default -> notFound(path);
                };
            }
            if (p.length == 4 && p[1].equals("runs")) {
                int index;
                try {
                    index = Integer.parseInt(p[3]);
                } catch (NumberFormatException e) {
                    return new Answer(400, error("a run is /api/runs/SWEEP/INDEX with a number, not " + p[3]));
                }
                return ok(reader.read(db -> run(db, p[2], index)));
            }
            return notFound(path);
        } catch (IllegalArgumentException e) {
            return new Answer(400, error(e.getMessage()));
        } catch (ExitException e) {
            return new Answer(e.exitCode() == ExitException.BAD_INPUT ? 404 : 500, error(e.getMessage()));
        }
    }

    /** {@code /api/sweeps}: every sweep's runs per state, epochs done of total and ETA. */
    static Map<String, Object> sweeps(Database db) {
        List<Object> out = new ArrayList<>();
        for (SweepProgress p : SweepProgress.load(db, null)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", p.sweep());
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (RunState st : RunState.values()) {
                if (p.count(st) > 0) {
                    counts.put(st.dbName(), p.count(st));
                }
            }
            s.put("counts", counts);
            s.put("epochs_done", p.epochsDone());
            s.put("epochs_total", p.epochsTotal());
            s.put("eta_seconds", p.eta() == null ? null : p.eta().toSeconds());
            s.put("eta", p.etaText());
            out.add(s);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", db.clock().instant().toString());
        m.put("sweeps", out);
        return m;
    }

    /** Columns of {@code /api/sweeps/{name}/runs}, before the varied parameters. */
    static final List<String> RUN_COLUMNS = List.of(
            "index",
            "state",
            "epochs_done",
            "epochs_total",
            "test_accuracy",
            "test_loss",
            "elapsed_seconds",
            "eta_seconds",
            "error");

    /** {@code /api/sweeps/{name}/runs}: every run with its state, latest metrics and the parameters that vary. */
    static Map<String, Object> runs(Database db, String sweepName) {
        Sweep sweep = db.sweeps().require(sweepName);
        Map<Integer, Map<String, Object>> params = new HashMap<>();
        for (Run r : db.runs().bySweep(sweep.id())) {
            if (r.state() != RunState.RETIRED) {
                params.put(r.arrayIndex(), parse(r.paramsJson()));
            }
        }
        List<String> varied = varied(params.values());
        List<Object> rows = new ArrayList<>();
        for (RunRow r : RunRow.load(db, sweep.id(), Integer.MAX_VALUE)) {
            List<Object> row = new ArrayList<>(RUN_COLUMNS.size() + varied.size());
            row.add(r.index());
            row.add(r.state().dbName());
            row.add(r.epochsDone());
            row.add(r.epochsTotal());
            row.add(finite(r.testAccuracy()));
            row.add(finite(r.testLoss()));
            row.add(finite(r.trainSeconds()));
            row.add(finite(r.etaSeconds()));
            row.add(r.errorLine(200));
            Map<String, Object> ps = params.getOrDefault(r.index(), Map.of());
            varied.forEach(name -> row.add(ps.get(name)));
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(RUN_COLUMNS);
        columns.addAll(varied);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", sweepName);
        m.put("params", varied);
        m.put("columns", columns);
        m.put("rows", rows);
        return m;
    }

    /** Parameters with more than one value across the runs (the seed too), by name. */
    static List<String> varied(Iterable<Map<String, Object>> runs) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (Map<String, Object> ps : runs) {
            ps.forEach((k, v) -> values.computeIfAbsent(k, x -> new HashSet<>()).add(Objects.toString(v)));
        }
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v.size() > 1) {
                out.add(k);
            }
        });
        return out;
    }

    /**
     * {@code /api/sweeps/{name}/groups}: the configurations (groups) a curve panel can show, by number, with their
     * settings and runs; read without a metric row.
     */
    static Map<String, Object> groups(Database db, String sweep) {
        db.sweeps().require(sweep);
        List<Object> groups = new ArrayList<>();
        for (Group g : Grouping.of(SweepResults.withoutRows(db, sweep))) {
            Map<String, Object> m = describe(g);
            List<Object> settings = new ArrayList<>();
            for (Setting s : g.settings()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("label", s.label());
                sm.put("archetype", s.archetype());
                sm.put("runs", s.runs().stream().map(RunData::index).toList());
                settings.add(sm);
            }
            m.put("settings", settings);
            groups.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", sweep);
        m.put("groups", groups);
        return m;
    }

    private static Map<String, Object> describe(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", g.number());
        m.put("label", g.label());
        m.put("varying", g.varying());
        m.put("seeds", g.seeds());
        return m;
    }

    /**
     * {@code /api/sweeps/{name}/curves?group=N&metric=M&split=S&x=X&band=B}: the panel of configuration {@code N}
     * (numbered from 1 as {@code /groups} lists them): the curve of each sampling setting over its seeds, the
     * archetype first. Only that group's runs' metric rows are read.
     */
    Map<String, Object> curves(String sweep, Map<String, String> query) {
        String metric = query.getOrDefault("metric", "accuracy");
        ToDoubleFunction<EpochRow> y = FIGURES.get(metric);
        if (y == null) {
            throw new IllegalArgumentException("metric must be one of " + FIGURES.keySet() + ", not '" + metric + "'");
        }
        CurveSplit split = CurveSplit.of(query.getOrDefault("split", "test"));
        String x = query.getOrDefault("x", "epoch");
        if (!x.equals("epoch") && !x.equals("wall")) {
            throw new IllegalArgumentException("x must be epoch or wall, not '" + x + "'");
        }
        String bandName = query.getOrDefault("band", "minmax");
        if (!bandName.equals("minmax") && !bandName.equals("std")) {
            throw new IllegalArgumentException("band must be minmax or std, not '" + bandName + "'");
        }
        Band band = bandName.equals("std") ? Band.STD : Band.MIN_MAX;
        int number = groupNumber(sweep, query.get("group"));
        boolean wall = x.equals("wall");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", sweep);
        m.put("metric", metric);
        m.put("split", split.code());
        m.put("x", x);
        m.put("band", bandName);
        m.put("group", reader.read(db -> {
            db.sweeps().require(sweep);
            List<Group> groups = Grouping.of(SweepResults.withoutRows(db, sweep));
            if (number > groups.size()) {
                throw ExitException.badInput("sweep '" + sweep + "' has " + groups.size() + " group"
                        + (groups.size() == 1 ? "" : "s") + " (see /api/sweeps/" + sweep + "/groups), not " + number);
            }
            Group g = groups.get(number - 1);
            Map<Long, RunData> rows = new HashMap<>();
            SweepResults.withRows(
                            db,
                            g.settings().stream()
                                    .flatMap(s -> s.runs().stream())
                                    .toList())
                    .forEach(r -> rows.put(r.id(), r));
            List<Object> settings = new ArrayList<>();
            for (Setting s : g.settings()) {
                List<RunData> runs =
                        s.runs().stream().map(r -> rows.get(r.id())).toList();
                Curve c = Curve.ofPoints(runs, r -> split.points(r, y, wall), band);
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("label", s.label());
                sm.put("archetype", s.archetype());
                sm.put("runs", runs.stream().map(RunData::index).toList());
                sm.put("with_data", c.runs());
                sm.put("x", numbers(c.x()));
                sm.put("mean", numbers(c.mean()));
                sm.put("low", numbers(c.low()));
                sm.put("high", numbers(c.high()));
                settings.add(sm);
            }
            Map<String, Object> gm = describe(g);
            gm.put("settings", settings);
            return gm;
        }));
        return m;
    }

    private static int groupNumber(String sweep, String group) {
        String how = "curves show one configuration: group=N, a number from /api/sweeps/" + sweep + "/groups (the"
                + " first is 1)";
        if (group == null) {
            throw new IllegalArgumentException(how);
        }
        try {
            int n = Integer.parseInt(group);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(how + ", not '" + group + "'");
    }

    /** {@code /api/sweeps/{name}/report?at=final|best|N}: {@code arraysweep report --format json}. */
    static String report(Database db, String sweep, Map<String, String> query) {
        db.sweeps().require(sweep);
        String when = query.getOrDefault("at", "final");
        At at;
        if (when.equals("final")) {
            at = At.FINAL;
        } else if (when.equals("best")) {
            at = At.BEST;
        } else {
            try {
                at = At.epoch(Integer.parseInt(when));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "at must be final, best or an epoch number >= 0 (the first epoch is 0), not '" + when + "'");
            }
        }
        return ReportData.json(Report.build(SweepResults.load(db, sweep), at));
    }

    /** Columns of a run's metric rows in {@code /api/runs/{sweep}/{index}}. */
    static final List<String> EPOCH_COLUMNS = List.of(
            "epoch",
            "accuracy",
            "mean_loss",
            "q90_loss",
            "worst_loss",
            "wall_seconds",
            "raw_batches_per_step",
            "overflow_discarded",
            "acceptance_ratio");

    /** {@code /api/runs/{sweep}/{index}}: a run's parameters, events, error, log tail and metric rows. */
    Map<String, Object> run(Database db, String sweep, int index) {
        db.sweeps().require(sweep);
        Run r = db.runs()
                .find(sweep, index)
                .orElseThrow(() -> ExitException.badInput("sweep '" + sweep + "' has no run " + index));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", sweep);
        m.put("index", index);
        m.put("state", r.state().dbName());
        m.put("attempt", r.attempt());
        m.put("epochs_done", r.epochsDone());
        m.put("epochs_total", r.epochsTotal());
        m.put("node", r.node());
        m.put("slurm_job_id", r.slurmJobId());
        m.put("started_at", text(r.startedAt()));
        m.put("ended_at", text(r.endedAt()));
        m.put("heartbeat_at", text(r.heartbeatAt()));
        m.put("error", r.errorText());
        m.put("stop_reason", r.stopReason());
        m.put("params", parse(r.paramsJson()));
        m.put("events", db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT attempt, kind, at, detail FROM run_event" + " WHERE run_id = :id ORDER BY id")
                .bind("id", r.id())
                .map((rs, ctx) -> List.of(
                        rs.getInt(1),
                        rs.getString(2),
                        String.valueOf(rs.getObject(3)),
                        Objects.toString(rs.getString(4), "")))
                .list()));
        List<Object> train = new ArrayList<>();
        List<Object> test = new ArrayList<>();
        for (EpochMetrics e : db.metrics().forRun(r.id())) {
            List<Object> row = new ArrayList<>(EPOCH_COLUMNS.size());
            row.add(e.epoch());
            row.add(finite(e.accuracy()));
            row.add(finite(e.meanLoss()));
            row.add(finite(e.q90Loss()));
            row.add(finite(e.worstLoss()));
            row.add(finite(e.wallSeconds()));
            row.add(finite(e.sampler().meanRawBatchesPerStep()));
            row.add(finite((double) e.sampler().overflowDiscarded()));
            row.add(finite(e.sampler().acceptanceRatio()));
            ("train".equals(e.split()) ? train : test).add(row);
        }
        Map<String, Object> epochs = new LinkedHashMap<>();
        epochs.put("columns", EPOCH_COLUMNS);
        epochs.put("train", train);
        epochs.put("test", test);
        m.put("epochs", epochs);
        m.put("log", log(sweep, r));
        return m;
    }

    /** The run's log: run-local's, or its Slurm task's ({@code JOB_TASK.out}); its last {@link #LOG_TAIL_BYTES}. */
    private Map<String, Object> log(String sweep, Run r) {
        List<Path> candidates = new ArrayList<>();
        if (r.slurmJobId() != null && r.slurmJobId().contains("_")) {
            candidates.add(workspace.logDir(sweep).resolve(r.slurmJobId() + ".out"));
        }
        candidates.add(workspace.localLog(sweep, r.arrayIndex()));
        Map<String, Object> m = new LinkedHashMap<>();
        for (Path f : candidates) {
            if (Files.isRegularFile(f)) {
                m.put("path", f.toString());
                m.put("tail", tail(f));
                return m;
            }
        }
        m.put("path", null);
        m.put("tail", "");
        return m;
    }

    private static String tail(Path f) {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            long from = Math.max(0, raf.length() - LOG_TAIL_BYTES);
            byte[] b = new byte[(int) (raf.length() - from)];
            raf.seek(from);
            raf.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + f + ": " + e.getMessage() + ")";
        }
    }

    private static Map<String, ToDoubleFunction<EpochRow>> figures() {
        Map<String, ToDoubleFunction<EpochRow>> m = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            m.put(metric.column(), metric::of);
        }
        m.put("raw_batches_per_step", EpochRow::rawBatchesPerStep);
        m.put("overflow_per_step", EpochRow::overflowPerStep);
        m.put("trained_per_forwarded", EpochRow::trainedPerForwarded);
        m.put("gpu_utilization", EpochRow::gpuUtilization);
        m.put("gpu_temperature", EpochRow::gpuTemperature);
        m.put("gpu_power_watts", EpochRow::gpuPowerWatts);
        m.put("gpu_memory_used_bytes", EpochRow::gpuMemoryUsedBytes);
        return m;
    }

    private static Map<String, Object> parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(json, Map.class);
            return new TreeMap<>(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run parameters in the database are not a JSON object: " + json, e);
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    /** NaN and infinities become null: JSON has no spelling for them. */
    private static Object numbers(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? values[i] : null;
        }
        return out;
    }

    private static Answer ok(Object body) {
        try {
            return new Answer(200, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dashboard's JSON", e);
        }
    }

    private static Answer notFound(String path) {
        return new Answer(404, error("no such endpoint: /api" + path + " (see docs/dashboard.md)"));
    }

    /** {@return the JSON of an error: {@code {"error": message}}} */
    static byte[] error(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", message == null ? "" : message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
