package dev.arraysweep.orchestrator.plot;

import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Setting;
import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The importance sampler's figure of one group (seed 002, figures 4-6 and appendices B and C): per epoch the
 * scores' quantiles 0.1, 0.5 and 0.9, the effective sample size of the draw weights, the time split into
 * training, evaluation and sampling, and the loss the steps minimised (seed 002 figure 1). Each setting's runs
 * are averaged per epoch, with the band; epochs without a figure (warm-up weights, rows from before they were
 * recorded) are left out.
 */
final class ImportanceFigure {
    static final int PANEL_WIDTH = 480;
    static final int PANEL_HEIGHT = 340;
    /** Width of the whole figure in pixels. */
    static final int WIDTH = 4 * PANEL_WIDTH;
    /** Height of the whole figure in pixels. */
    static final int HEIGHT = ChartGrid.TITLE_HEIGHT + PANEL_HEIGHT;

    private ImportanceFigure() {}

    /** {@return whether a group has anything for this figure: a run with importance sampler scores} */
    static boolean applies(Group group) {
        return group.settings().stream()
                .flatMap(s -> s.runs().stream())
                .flatMap(r -> r.test().stream())
                .anyMatch(e -> Double.isFinite(e.scoreQ50()));
    }

    /** {@return the figure of a group, not yet rendered} */
    static ChartGrid of(String sweep, Group group, Band band) {
        XYChart scores = Charts.chart("(a) Scores q10, q50, q90", "epoch", "score", PANEL_WIDTH, PANEL_HEIGHT);
        XYChart ess = Charts.chart(
                "(b) Effective sample size of the weights", "epoch", "(Σw)² / Σw²", PANEL_WIDTH, PANEL_HEIGHT);
        XYChart time = Charts.chart("(c) Time: train, eval, sampling", "epoch", "seconds", PANEL_WIDTH, PANEL_HEIGHT);
        XYChart loss = Charts.chart("(d) Training loss on sampled batches", "epoch", "loss", PANEL_WIDTH, PANEL_HEIGHT);
        for (Setting s : group.settings()) {
            var colour = Charts.colour(group.settings(), s);
            add(scores, s, " q10", EpochRow::scoreQ10, band, colour);
            add(scores, s, " q50", EpochRow::scoreQ50, band, colour);
            add(scores, s, " q90", EpochRow::scoreQ90, band, colour);
            add(ess, s, "", EpochRow::weightEss, band, colour);
            add(time, s, " train", EpochRow::trainSeconds, band, colour);
            add(time, s, " eval", EpochRow::evalSeconds, band, colour);
            add(time, s, " sampling", EpochRow::samplingSeconds, band, colour);
            add(loss, s, "", EpochRow::sampledLoss, band, colour);
        }
        Charts.legend(scores, Styler.LegendPosition.InsideNE);
        return new ChartGrid(
                "Importance sampler: " + PanelFigure.title(sweep, group, band),
                List.of(List.of(scores, ess, time, loss)));
    }

    private static void add(
            XYChart chart, Setting s, String suffix, ToDoubleFunction<EpochRow> y, Band band, Color colour) {
        Charts.add(chart, s.label() + suffix, Curve.perEpoch(s.runs(), RunData::test, y, band), colour);
    }
}
