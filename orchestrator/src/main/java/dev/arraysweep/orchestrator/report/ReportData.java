package dev.arraysweep.orchestrator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arraysweep.orchestrator.results.Summary;
import dev.arraysweep.orchestrator.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Report} for programs: CSV in long form (one line per group, setting and figure,
 * with the varying parameters as columns, ready for pandas or R) and JSON nested by group and setting.
 * Missing values are empty in CSV and null in JSON.
 */
public final class ReportData {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportData() {}

    /** {@return the report as CSV: one line per group, setting and figure} */
    public static String csv(Report report) {
        Set<String> params = new LinkedHashSet<>();
        report.groups().forEach(t -> params.addAll(t.group().varying().keySet()));
        List<String> columns = new ArrayList<>(List.of("sweep", "at", "group"));
        columns.addAll(params);
        columns.addAll(List.of(
                "setting",
                "archetype",
                "runs",
                "epoch_min",
                "epoch_max",
                "metric",
                "part",
                "mean",
                "std",
                "n",
                "diff_mean",
                "diff_std",
                "diff_low",
                "diff_high",
                "pairs"));
        List<List<Object>> rows = new ArrayList<>();
        for (Report.GroupTable t : report.groups()) {
            for (Report.Row r : t.rows()) {
                int[] range = r.epochRange();
                for (Report.Figure f : Report.FIGURES) {
                    List<Object> row = new ArrayList<>(List.of(
                            report.sweep(), report.at().code(), t.group().number()));
                    params.forEach(p -> row.add(t.group().varying().get(p)));
                    Summary s = r.summaries().get(f);
                    PairedDifference d = r.paired().get(f);
                    row.addAll(Arrays.asList(
                            r.setting().label(),
                            r.setting().archetype(),
                            r.points().size(),
                            range == null ? null : range[0],
                            range == null ? null : range[1],
                            f.metric().column(),
                            f.part().column(),
                            finite(s.mean()),
                            finite(s.std()),
                            s.n(),
                            d == null ? null : finite(d.mean()),
                            d == null ? null : finite(d.std()),
                            d == null ? null : finite(d.low()),
                            d == null ? null : finite(d.high()),
                            d == null ? null : d.n()));
                    rows.add(row);
                }
            }
        }
        return new Table(columns, rows).toCsv();
    }

    /** {@return the report as indented JSON} */
    public static String json(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sweep", report.sweep());
        root.put("at", report.at().code());
        root.put("confidence_level", PairedDifference.LEVEL);
        List<Object> groups = new ArrayList<>();
        for (Report.GroupTable t : report.groups()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("group", t.group().number());
            g.put("label", t.group().label());
            g.put("parameters", t.group().varying());
            g.put("seeds", t.group().seeds());
            List<Object> rows = new ArrayList<>();
            for (Report.Row r : t.rows()) {
                rows.add(row(r));
            }
            g.put("rows", rows);
            g.put("notes", t.notes());
            groups.add(g);
        }
        root.put("groups", groups);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    private static Map<String, Object> row(Report.Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("setting", r.setting().label());
        row.put("archetype", r.setting().archetype());
        row.put("sampling", r.setting().sampling());
        row.put("runs", r.points().stream().map(ReportData::run).toList());
        row.put("diverged", r.diverged());
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> paired = new LinkedHashMap<>();
        for (Report.Figure f : Report.FIGURES) {
            Summary s = r.summaries().get(f);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("mean", finite(s.mean()));
            v.put("std", finite(s.std()));
            v.put("n", s.n());
            figures.put(f.column(), v);
            PairedDifference d = r.paired().get(f);
            if (d != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("mean", finite(d.mean()));
                p.put("std", finite(d.std()));
                p.put("low", finite(d.low()));
                p.put("high", finite(d.high()));
                p.put("n", d.n());
                paired.put(f.column(), p);
            }
        }
        row.put("figures", figures);
        if (!r.setting().archetype()) {
            row.put("paired_difference", paired.isEmpty() ? null : paired);
        }
        return row;
    }

    /** Index, seed and epoch in that order (a {@code Map.of} would print them in an order that changes per JVM). */
    private static Map<String, Object> run(RunPoint p) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("index", p.run().index());
        run.put("seed", p.run().seed());
        run.put("epoch", p.epoch());
        return run;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
