package dev.arraysweep.orchestrator.plot;

import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Setting;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The thesis' sampler figure (seed 004 appendix figure 6, l.3362-3376) of one group, per epoch: (a) the average
 * number of raw batches forwarded to build one training step, (b) the average number of accepted samples
 * discarded as overflow per step, (c) the ratio of the samples forwarded that were ultimately trained. An epoch
 * without a training step has none of these: it is a gap in the line, not a zero (the thesis' late epochs with
 * few or no steps, l.1765-1772).
 */
final class SamplerFigure {
    static final int PANEL_WIDTH = 480;
    static final int PANEL_HEIGHT = 340;
    /** Width of the whole figure in pixels. */
    static final int WIDTH = 3 * PANEL_WIDTH;
    /** Height of the whole figure in pixels. */
    static final int HEIGHT = ChartGrid.TITLE_HEIGHT + PANEL_HEIGHT;

    private SamplerFigure() {}

    /** {@return whether a group has anything for this figure: a setting other than the archetype} */
    static boolean applies(Group group) {
        return group.settings().stream().anyMatch(s -> !s.archetype());
    }

    /** {@return the figure of a group, not yet rendered} */
    static ChartGrid of(String sweep, Group group, Band band) {
        XYChart raw = Charts.chart(
                "(a) Raw batches per training step", "epoch", "raw batches / step", PANEL_WIDTH, PANEL_HEIGHT);
        XYChart overflow = Charts.chart(
                "(b) Overflow per training step", "epoch", "samples discarded / step", PANEL_WIDTH, PANEL_HEIGHT);
        XYChart trained = Charts.chart(
                "(c) Samples trained / forwarded", "epoch", "trained / forwarded", PANEL_WIDTH, PANEL_HEIGHT);
        for (Setting s : group.settings()) {
            var colour = Charts.colour(group.settings(), s);
            Charts.add(
                    raw, s.label(), Curve.perEpoch(s.runs(), RunData::test, EpochRow::rawBatchesPerStep, band), colour);
            Charts.add(
                    overflow,
                    s.label(),
                    Curve.perEpoch(s.runs(), RunData::test, EpochRow::overflowPerStep, band),
                    colour);
            Charts.add(
                    trained,
                    s.label(),
                    Curve.perEpoch(s.runs(), RunData::test, EpochRow::trainedPerForwarded, band),
                    colour);
        }
        Charts.legend(raw, Styler.LegendPosition.InsideNW);
        return new ChartGrid(
                "Sampler: " + PanelFigure.title(sweep, group, band), List.of(List.of(raw, overflow, trained)));
    }
}
