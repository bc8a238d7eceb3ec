package dev.arraysweep.orchestrator.plot;

import dev.arraysweep.orchestrator.results.Setting;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look shared by every chart: white background, readable fonts, one colour per setting, mean lines over bands. */
final class Charts {
    /** Suffix of the series that draws a setting's band; such series are left out of the legend. */
    static final String BAND_SUFFIX = " (band)";

    private static final Color ARCHETYPE = new Color(0x22, 0x22, 0x22);
    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0xbcbd22),
        new Color(0x17becf),
        new Color(0x7f7f7f)
    };

    private Charts() {}

    static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xdddddd));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendVisible(false);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setYAxisDecimalPattern("0.###");
        s.setXAxisDecimalPattern("#,##0.##");
        return chart;
    }

    static void legend(XYChart chart, Styler.LegendPosition where) {
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(where);
    }

    /** {@return the colour of the setting at {@code position} in its group (the archetype is dark grey)} */
    static Color colour(List<Setting> settings, Setting setting) {
        if (setting.archetype()) {
            return ARCHETYPE;
        }
        int i = (int) settings.stream()
                .filter(s -> !s.archetype())
                .takeWhile(s -> s != setting)
                .count();
        return PALETTE[i % PALETTE.length];
    }

    /**
     * Adds a setting's curve: a band when more than one run has data, then its mean line; nothing when empty. An
     * epoch whose mean is NaN (a gap) breaks the line and the band there.
     */
    static void add(XYChart chart, String name, Curve curve, Color colour) {
        if (curve.isEmpty()) {
            return;
        }
        List<int[]> parts = finiteParts(curve.mean());
        if (curve.runs() > 1) {
            int segment = 0;
            for (int[] part : parts) {
                int n = part[1] - part[0];
                double[] px = new double[2 * n];
                double[] py = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    px[i] = curve.x()[part[0] + i];
                    py[i] = curve.high()[part[0] + i];
                    px[2 * n - 1 - i] = curve.x()[part[0] + i];
                    py[2 * n - 1 - i] = curve.low()[part[0] + i];
                }
                XYSeries band = chart.addSeries(name + (segment++ == 0 ? "" : " #" + segment) + BAND_SUFFIX, px, py);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 50));
                band.setLineColor(new Color(0, 0, 0, 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
        }
        XYSeries line = chart.addSeries(name, curve.x(), curve.mean()); // XChart breaks the line at NaN
        line.setLineColor(colour);
        boolean lonePoints = parts.stream().anyMatch(p -> p[1] - p[0] == 1);
        line.setMarker(lonePoints ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        line.setMarkerColor(colour);
    }

    /** {@return the index ranges [from, to) of the runs of finite values in {@code values}} */
    static List<int[]> finiteParts(double[] values) {
        List<int[]> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= values.length; i++) {
            boolean finite = i < values.length && Double.isFinite(values[i]);
            if (finite && start < 0) {
                start = i;
            } else if (!finite && start >= 0) {
                parts.add(new int[] {start, i});
                start = -1;
            }
        }
        return parts;
    }

    /** Gives charts the same y range, so that train and test panels of one metric compare at a glance. */
    static void shareYRange(List<XYChart> charts, List<Curve> curves) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (int i = 0; i < c.x().length; i++) {
                if (Double.isFinite(c.low()[i]) && Double.isFinite(c.high()[i])) {
                    min = Math.min(min, c.low()[i]);
                    max = Math.max(max, c.high()[i]);
                }
            }
        }
        if (!(min < max)) {
            return;
        }
        double pad = (max - min) * 0.04;
        for (XYChart chart : charts) {
            chart.getStyler().setYAxisMin(min >= 0 ? Math.max(0, min - pad) : min - pad);
            chart.getStyler().setYAxisMax(max + pad);
        }
    }
}
