package dev.arraysweep.orchestrator.report;

import dev.arraysweep.db.model.RunState;
import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.Grouping;
import dev.arraysweep.orchestrator.results.Metric;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Setting;
import dev.arraysweep.orchestrator.results.Summary;
import dev.arraysweep.orchestrator.results.SweepResults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thesis' table (tables 4.4-4.9) for every group of a sweep, across seeds: per setting the mean and
 * sample standard deviation of each figure, and per filtered setting the paired difference against the
 * archetype with a 95% t-interval (seed 000: runs of one configuration vary with their seed, so a
 * difference means something only next to that variation).
 *
 * @param sweep the sweep's name
 * @param at the epoch looked at
 * @param groups one table per group, in sweep order
 */
public record Report(String sweep, At at, List<GroupTable> groups) {
    public Report {
        groups = List.copyOf(groups);
    }

    /** Every figure, in table order: the four metrics, each as train, test and ratio. */
    static final List<Figure> FIGURES = figures();

    /**
     * One column of the table.
     *
     * @param metric the metric
     * @param part train, test or ratio
     */
    public record Figure(Metric metric, Metric.Part part) {
        /** {@return the name used in CSV and JSON, e.g. {@code test_accuracy}} */
        String column() {
            return part.column() + "_" + metric.column();
        }
    }

    /**
     * The table of one group.
     *
     * @param group the group
     * @param rows one row per setting, archetype first
     * @param notes what a reader must know: runs without figures at the epoch, a missing archetype
     */
    public record GroupTable(Group group, List<Row> rows, List<String> notes) {
        public GroupTable {
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
        }
    }

    /**
     * One row: a setting's figures over its runs.
     *
     * @param setting the setting
     * @param points the runs with figures at the chosen epoch
     * @param summaries mean and standard deviation per figure
     * @param paired the paired difference against the archetype per figure; empty for the archetype or
     *     when the group has none
     */
    public record Row(
            Setting setting,
            List<RunPoint> points,
            Map<Figure, Summary> summaries,
            Map<Figure, PairedDifference> paired) {
        public Row {
            points = List.copyOf(points);
            summaries = Map.copyOf(summaries);
            paired = Map.copyOf(paired);
        }

        /** {@return the array indices of the setting's runs that diverged (state {@code diverged})} */
        public List<Integer> diverged() {
            return setting.runs().stream()
                    .filter(r -> RunState.DIVERGED.dbName().equals(r.state()))
                    .map(RunData::index)
                    .toList();
        }

        /** {@return the smallest and largest epoch looked at, or null when no run has figures} */
        int[] epochRange() {
            return points.isEmpty()
                    ? null
                    : new int[] {
                        points.stream().mapToInt(RunPoint::epoch).min().getAsInt(),
                        points.stream().mapToInt(RunPoint::epoch).max().getAsInt()
                    };
        }
    }

    /** {@return the report of a sweep's results at {@code at}} */
    public static Report build(SweepResults results, At at) {
        List<GroupTable> tables = new ArrayList<>();
        for (Group g : Grouping.of(results)) {
            tables.add(table(results.sweep(), g, at));
        }
        return new Report(results.sweep(), at, tables);
    }

    private static GroupTable table(String sweep, Group group, At at) {
        List<String> notes = new ArrayList<>();
        Map<Integer, RunPoint> archetypeBySeed = new HashMap<>();
        Optional<Setting> archetype = group.archetype();
        archetype.ifPresent(
                a -> points(a, at).forEach(p -> archetypeBySeed.put(p.run().seed(), p)));
        List<Row> rows = new ArrayList<>();
        for (Setting s : group.settings()) {
            List<RunPoint> points = points(s, at);
            if (points.size() < s.runs().size()) {
                List<Integer> missing = s.runs().stream()
                        .filter(r -> at.pick(r).isEmpty())
                        .map(RunData::index)
                        .toList();
                notes.add(s.label() + ": no test figures at " + at.describe() + " for run(s) " + missing
                        + " (not started or not that far yet)");
            }
            if (points.stream().anyMatch(RunPoint::trainEarlier)) {
                notes.add(s.label() + ": train figures of some runs come from their latest train evaluation"
                        + " before that epoch (eval_train_every > 1)");
            }
            Map<Figure, Summary> summaries = new HashMap<>();
            Map<Figure, PairedDifference> paired = new HashMap<>();
            for (Figure f : FIGURES) {
                summaries.put(
                        f,
                        Summary.of(points.stream()
                                .map(p -> p.value(f.metric(), f.part()))
                                .toList()));
                if (!s.archetype() && archetype.isPresent()) {
                    List<Double> diffs = new ArrayList<>();
                    for (RunPoint p : points) {
                        RunPoint twin = archetypeBySeed.get(p.run().seed());
                        if (twin != null) {
                            diffs.add(p.value(f.metric(), f.part()) - twin.value(f.metric(), f.part()));
                        }
                    }
                    paired.put(f, PairedDifference.of(diffs));
                }
            }
            Row row = new Row(s, points, summaries, paired);
            if (!row.diverged().isEmpty()) {
                notes.add(s.label() + ": run(s) " + row.diverged() + " diverged (a non-finite or too large training"
                        + " loss stopped them), so their figures end at their last finished epoch; `arraysweep status "
                        + sweep + "` shows the epoch, step and loss");
            }
            rows.add(row);
        }
        if (at.kind() == At.Kind.FINAL) {
            // runs that early stopping ended are compared at their own final epoch, as seed 002 compared them
            IntSummaryStatistics epochs = rows.stream()
                    .flatMap(r -> r.points().stream())
                    .filter(p -> !p.run().stoppedEarly())
                    .mapToInt(RunPoint::epoch)
                    .summaryStatistics();
            if (epochs.getCount() > 0 && epochs.getMin() != epochs.getMax()) {
                notes.add("the runs' final epochs differ (" + epochs.getMin() + " to " + epochs.getMax() + "): some are"
                        + " not finished; compare at a common epoch with --epoch " + epochs.getMin());
            }
            IntSummaryStatistics stopped = rows.stream()
                    .flatMap(r -> r.points().stream())
                    .filter(p -> p.run().stoppedEarly())
                    .mapToInt(RunPoint::epoch)
                    .summaryStatistics();
            if (stopped.getCount() > 0) {
                notes.add(stopped.getCount() + " run(s) stopped early, at epochs " + stopped.getMin() + " to "
                        + stopped.getMax() + " (early_stopping_patience): each is compared at its own final epoch");
            }
        }
        if (archetype.isEmpty()) {
            notes.add("no archetype run in this group, so no paired differences; add runs with epoch_filtering: false,"
                    + " batch_filtering: false, selector: none, sampler: none and the same seeds");
        } else {
            Figure testAccuracy = new Figure(Metric.ACCURACY, Metric.Part.TEST);
            for (Row r : rows) {
                int pairs = r.setting().archetype()
                        ? -1
                        : r.paired().get(testAccuracy).n();
                if (pairs == 0) {
                    notes.add(r.setting().label() + ": no run shares a seed with an archetype run that has figures,"
                            + " so there is no paired difference");
                } else if (pairs == 1) {
                    notes.add(r.setting().label() + ": one seed pairs with the archetype: the difference is shown"
                            + " without an interval (n = 1); run more seeds for one");
                }
            }
        }
        return new GroupTable(group, rows, notes);
    }

    private static List<RunPoint> points(Setting s, At at) {
        return s.runs().stream().map(at::pick).flatMap(Optional::stream).toList();
    }

    private static List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            for (Metric.Part p : Metric.Part.values()) {
                out.add(new Figure(m, p));
            }
        }
        return List.copyOf(out);
    }
}
