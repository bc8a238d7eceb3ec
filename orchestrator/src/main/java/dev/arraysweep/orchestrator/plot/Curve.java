package dev.arraysweep.orchestrator.plot;

import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One setting's curve over its seeds: at each epoch the mean over the runs that have a finite value there,
 * and a band around it. {@code plot} draws it into PNG figures and the dashboard into its panels.
 *
 * @param x the x value per point: the epoch, or the mean over runs of another figure such as wall-clock seconds
 * @param mean the mean y per point
 * @param low the band's lower edge per point
 * @param high the band's upper edge per point
 * @param runs the number of runs with data
 */
public record Curve(double[] x, double[] mean, double[] low, double[] high, int runs) {
    /**
     * One run's value at one epoch.
     *
     * @param epoch the epoch the point belongs to (points of one epoch are averaged over runs)
     * @param x its x value
     * @param y its y value
     */
    public record Point(int epoch, double x, double y) {}

    /** {@return whether the curve has no point} */
    boolean isEmpty() {
        return x.length == 0;
    }

    /** {@return the curve of {@code y} per epoch over {@code runs}, on rows chosen by {@code split}} */
    static Curve perEpoch(
            List<RunData> runs, Function<RunData, List<EpochRow>> split, ToDoubleFunction<EpochRow> y, Band band) {
        return of(runs, split, r -> r.epoch(), y, band);
    }

    /**
     * {@return the curve of {@code y} against {@code x}, both averaged per epoch over {@code runs}}
     * (for wall-clock time, whose value at an epoch differs from seed to seed)
     */
    static Curve of(
            List<RunData> runs,
            Function<RunData, List<EpochRow>> split,
            ToDoubleFunction<EpochRow> x,
            ToDoubleFunction<EpochRow> y,
            Band band) {
        return ofPoints(
                runs,
                run -> split.apply(run).stream()
                        .map(row -> new Point(row.epoch(), x.applyAsDouble(row), y.applyAsDouble(row)))
                        .toList(),
                band);
    }

    /**
     * {@return the curve of the points each run gives, averaged per epoch over {@code runs}} Points whose x or y
     * is not finite are left out; a run counts as with data when it has one point left. An epoch where runs have
     * points but none has a finite y (a sampler figure in an epoch without a step) is a gap: its mean, low and
     * high are NaN, which the charts draw as a break in the line rather than a zero or a line across (gaps
     * before the first point and after the last are left out).
     */
    public static Curve ofPoints(List<RunData> runs, Function<RunData, List<Point>> points, Band band) {
        Map<Integer, List<double[]>> byEpoch = new TreeMap<>();
        Map<Integer, List<Double>> gapX = new TreeMap<>();
        int withData = 0;
        for (RunData run : runs) {
            boolean any = false;
            for (Point p : points.apply(run)) {
                if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
                    byEpoch.computeIfAbsent(p.epoch(), e -> new ArrayList<>()).add(new double[] {p.x(), p.y()});
                    any = true;
                } else if (Double.isFinite(p.x())) {
                    gapX.computeIfAbsent(p.epoch(), e -> new ArrayList<>()).add(p.x());
                }
            }
            withData += any ? 1 : 0;
        }
        gapX.keySet().removeAll(byEpoch.keySet());
        TreeMap<Integer, double[]> rows = new TreeMap<>();
        for (Map.Entry<Integer, List<double[]>> e : byEpoch.entrySet()) {
            rows.put(e.getKey(), summarise(e.getValue(), band));
        }
        for (Map.Entry<Integer, List<Double>> e : gapX.entrySet()) {
            double x = e.getValue().stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElse(Double.NaN);
            rows.put(e.getKey(), new double[] {x, Double.NaN, Double.NaN, Double.NaN});
        }
        // gaps before the first and after the last point draw nothing: leave them out
        List<double[]> kept = new ArrayList<>(rows.values());
        while (!kept.isEmpty() && Double.isNaN(kept.get(0)[1])) {
            kept.remove(0);
        }
        while (!kept.isEmpty() && Double.isNaN(kept.get(kept.size() - 1)[1])) {
            kept.remove(kept.size() - 1);
        }
        int n = kept.size();
        double[] xs = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = kept.get(i);
            xs[i] = r[0];
            mean[i] = r[1];
            low[i] = r[2];
            high[i] = r[3];
        }
        return new Curve(xs, mean, low, high, withData);
    }

    /** {@return x, mean y, band low and band high of one epoch's points} */
    private static double[] summarise(List<double[]> atEpoch, Band band) {
        double sx = 0;
        double sy = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] p : atEpoch) {
            sx += p[0];
            sy += p[1];
            min = Math.min(min, p[1]);
            max = Math.max(max, p[1]);
        }
        double x = sx / atEpoch.size();
        double mean = sy / atEpoch.size();
        if (band == Band.MIN_MAX) {
            return new double[] {x, mean, min, max};
        }
        double std = Summary.of(atEpoch.stream().map(p -> p[1]).toList()).std();
        double half = Double.isFinite(std) ? std : 0;
        return new double[] {x, mean, mean - half, mean + half};
    }
}
