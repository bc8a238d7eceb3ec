package dev.arraysweep.orchestrator.plot;

import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.Metric;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The thesis' panel figure of one group (figures 4.1-4.8): per epoch the train and test accuracy,
 * mean loss, q0.9 loss and worst loss side by side (train left, test right, one y range per row), and
 * below them the test accuracy against wall-clock seconds. One colour per setting; with several seeds a
 * mean line and a band.
 */
final class PanelFigure {
    /** Width of one panel in pixels. */
    static final int PANEL_WIDTH = 560;
    /** Height of one panel in pixels. */
    static final int PANEL_HEIGHT = 340;
    /** Width of the whole figure in pixels. */
    static final int WIDTH = 2 * PANEL_WIDTH;
    /** Height of the whole figure in pixels: the title, four metric rows and the wall-clock row. */
    static final int HEIGHT = ChartGrid.TITLE_HEIGHT + 5 * PANEL_HEIGHT;

    private PanelFigure() {}

    /** {@return the figure of a group, not yet rendered} */
    static ChartGrid of(String sweep, Group group, Band band) {
        List<List<XYChart>> rows = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            String unit = metric == Metric.ACCURACY ? "accuracy (fraction correct)" : "cross-entropy loss";
            XYChart train = Charts.chart("Train " + lower(metric), "epoch", unit, PANEL_WIDTH, PANEL_HEIGHT);
            XYChart test = Charts.chart("Test " + lower(metric), "epoch", unit, PANEL_WIDTH, PANEL_HEIGHT);
            List<Curve> curves = new ArrayList<>();
            for (Setting s : group.settings()) {
                Curve tr = Curve.perEpoch(s.runs(), RunData::train, metric::of, band);
                Curve te = Curve.perEpoch(s.runs(), RunData::test, metric::of, band);
                Charts.add(train, s.label(), tr, Charts.colour(group.settings(), s));
                Charts.add(test, s.label(), te, Charts.colour(group.settings(), s));
                curves.add(tr);
                curves.add(te);
            }
            Charts.shareYRange(List.of(train, test), curves);
            if (metric == Metric.ACCURACY) {
                Charts.legend(train, Styler.LegendPosition.InsideSE);
                Charts.legend(test, Styler.LegendPosition.InsideSE);
            }
            rows.add(List.of(train, test));
        }
        XYChart wall = Charts.chart(
                "Test accuracy against wall-clock time",
                "wall-clock time since the run started [s]",
                "accuracy (fraction correct)",
                WIDTH,
                PANEL_HEIGHT);
        for (Setting s : group.settings()) {
            Charts.add(
                    wall,
                    s.label(),
                    Curve.of(s.runs(), RunData::test, EpochRow::wallSeconds, EpochRow::accuracy, band),
                    Charts.colour(group.settings(), s));
        }
        Charts.legend(wall, Styler.LegendPosition.InsideSE);
        rows.add(List.of(wall));
        return new ChartGrid(title(sweep, group, band), rows);
    }

    static String title(String sweep, Group group, Band band) {
        boolean seeds = group.settings().stream().anyMatch(s -> s.runs().size() > 1);
        return sweep + " — " + group.label()
                + (seeds
                        ? " — mean of " + group.seeds().size() + " seeds, band: " + band.description()
                        : " — one run per setting");
    }

    private static String lower(Metric metric) {
        return metric.title().substring(0, 1).toLowerCase(Locale.ROOT)
                + metric.title().substring(1);
    }
}
