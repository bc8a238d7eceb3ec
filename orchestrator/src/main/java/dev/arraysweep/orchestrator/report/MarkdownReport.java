package dev.arraysweep.orchestrator.report;

import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.Metric;
import dev.arraysweep.orchestrator.results.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link Report} as Markdown: per group the thesis' table of means ± standard deviations, then the paired differences. */
public final class MarkdownReport {
    private MarkdownReport() {}

    /** {@return the report as Markdown text} */
    public static String render(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Sweep `")
                .append(report.sweep())
                .append("` at ")
                .append(report.at().describe())
                .append("\n\n");
        md.append("Cells: mean ± sample standard deviation (n − 1) over the runs of a row, one run per seed;")
                .append(" a single run shows its value. Ratio = test / train per run, then averaged.")
                .append(" Epochs are numbered from 0.\n");
        md.append("Paired difference: filtered − archetype run with the same seed, mean [95% t-interval,")
                .append(" n − 1 degrees of freedom]; * marks an interval that excludes 0.\n");
        if (report.groups().isEmpty()) {
            md.append("\nThe sweep has no runs (all retired?).\n");
        }
        for (Report.GroupTable t : report.groups()) {
            Group g = t.group();
            md.append("\n## ").append(g.number()).append(". ").append(g.label()).append("\n\n");
            md.append(g.runCount())
                    .append(g.runCount() == 1 ? " run" : " runs")
                    .append(", seeds ")
                    .append(g.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append("\n\n");
            summaryTable(md, t);
            if (t.rows().stream().anyMatch(r -> !r.paired().isEmpty())) {
                md.append("\nPaired difference against the archetype (filtered − archetype):\n\n");
                pairedTable(md, t);
            }
            if (!t.notes().isEmpty()) {
                md.append('\n');
                t.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            }
        }
        return md.toString();
    }

    private static void summaryTable(StringBuilder md, Report.GroupTable t) {
        header(md, "n");
        for (Report.Row r : t.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(label(r));
            cells.add(Integer.toString(r.points().size()));
            cells.add(epochs(r));
            for (Report.Figure f : Report.FIGURES) {
                Summary s = r.summaries().get(f);
                cells.add(
                        s.n() == 0 ? "–" : s.n() == 1 ? number(s.mean()) : number(s.mean()) + " ± " + number(s.std()));
            }
            row(md, cells);
        }
    }

    private static void pairedTable(StringBuilder md, Report.GroupTable t) {
        header(md, "pairs");
        for (Report.Row r : t.rows()) {
            if (r.paired().isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add(label(r));
            Report.Figure testAccuracy = new Report.Figure(Metric.ACCURACY, Metric.Part.TEST);
            cells.add(Integer.toString(r.paired().get(testAccuracy).n()));
            cells.add(epochs(r));
            for (Report.Figure f : Report.FIGURES) {
                cells.add(paired(r.paired().get(f)));
            }
            row(md, cells);
        }
    }

    /** {@return the row's setting, marked when some of its runs diverged} */
    private static String label(Report.Row r) {
        List<Integer> diverged = r.diverged();
        return escape(r.setting().label())
                + (diverged.isEmpty()
                        ? ""
                        : " **(diverged: run" + (diverged.size() == 1 ? " " : "s ")
                                + diverged.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")**");
    }

    private static void header(StringBuilder md, String countColumn) {
        List<String> head = new ArrayList<>(List.of("Filtering", countColumn, "epoch"));
        List<String> align = new ArrayList<>(List.of("---", "--:", "--:"));
        for (Report.Figure f : Report.FIGURES) {
            head.add(f.metric().title() + " " + f.part().title().toLowerCase(Locale.ROOT));
            align.add("--:");
        }
        row(md, head);
        row(md, align);
    }

    private static String epochs(Report.Row r) {
        int[] range = r.epochRange();
        return range == null ? "–" : range[0] == range[1] ? Integer.toString(range[0]) : range[0] + "–" + range[1];
    }

    private static String paired(PairedDifference d) {
        if (d == null || d.n() == 0) {
            return "–";
        }
        if (d.n() == 1) {
            return signed(d.mean()) + " (n=1, no interval)";
        }
        return signed(d.mean()) + " [" + signed(d.low()) + ", " + signed(d.high()) + "]"
                + (d.excludesZero() ? " *" : "");
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    /** Three decimals like the thesis' tables (CSV and JSON carry full precision); huge values in scientific notation. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return Math.abs(v) < 1e6 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2e", v);
    }

    private static String signed(double v) {
        String s = number(v);
        return v > 0 ? "+" + s : s;
    }
}
