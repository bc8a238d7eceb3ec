package dev.arraysweep.orchestrator.dashboard;

import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * One sampling setting's curve over its seeds, as the dashboard draws it: per epoch the mean over the runs with a
 * finite value there and a band, min–max over seeds (as {@code arraysweep plot}'s default) or mean ± one sample
 * standard deviation. The x value is the epoch or the mean over those runs of their wall-clock seconds.
 *
 * @param x the x value per point
 * @param mean the mean per point
 * @param low the band's lower edge per point
 * @param high the band's upper edge per point
 * @param runs the runs with at least one point
 */
record SeedCurve(double[] x, double[] mean, double[] low, double[] high, int runs) {
    /** Which rows of a run a curve is drawn from. */
    enum Split {
        TRAIN,
        TEST,
        /** Test over train: the test row of an epoch over the latest train row at or before it (as reports pair them). */
        RATIO;

        static Split of(String name) {
            return switch (name) {
                case "train" -> TRAIN;
                case "test" -> TEST;
                case "ratio" -> RATIO;
                default -> throw new IllegalArgumentException("split must be train, test or ratio, not '" + name + "'");
            };
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@return the curve of {@code y} over {@code runs}}
     *
     * @param wallClock whether x is the mean wall-clock seconds at each epoch rather than the epoch
     * @param std whether the band is mean ± one standard deviation rather than min–max
     */
    static SeedCurve of(List<RunData> runs, ToDoubleFunction<EpochRow> y, Split split, boolean wallClock, boolean std) {
        Map<Integer, List<double[]>> byEpoch = new TreeMap<>();
        int withData = 0;
        for (RunData run : runs) {
            boolean any = false;
            for (double[] p : points(run, y, split)) {
                double xv = wallClock ? p[1] : p[0];
                if (Double.isFinite(xv) && Double.isFinite(p[2])) {
                    byEpoch.computeIfAbsent((int) p[0], e -> new ArrayList<>()).add(new double[] {xv, p[2]});
                    any = true;
                }
            }
            withData += any ? 1 : 0;
        }
        int n = byEpoch.size();
        double[] xs = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        int i = 0;
        for (List<double[]> pts : byEpoch.values()) {
            double sx = 0;
            double sy = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] p : pts) {
                sx += p[0];
                sy += p[1];
                min = Math.min(min, p[1]);
                max = Math.max(max, p[1]);
            }
            xs[i] = sx / pts.size();
            mean[i] = sy / pts.size();
            if (std) {
                double s = Summary.of(pts.stream().map(p -> p[1]).toList()).std();
                double half = Double.isFinite(s) ? s : 0;
                low[i] = mean[i] - half;
                high[i] = mean[i] + half;
            } else {
                low[i] = min;
                high[i] = max;
            }
            i++;
        }
        return new SeedCurve(xs, mean, low, high, withData);
    }

    /** {@return per epoch of one run: epoch, wall-clock seconds, value} */
    static List<double[]> points(RunData run, ToDoubleFunction<EpochRow> y, Split split) {
        List<double[]> out = new ArrayList<>();
        switch (split) {
            case TRAIN -> run.train()
                    .forEach(r -> out.add(new double[] {r.epoch(), r.wallSeconds(), y.applyAsDouble(r)}));
            case TEST -> run.test()
                    .forEach(r -> out.add(new double[] {r.epoch(), r.wallSeconds(), y.applyAsDouble(r)}));
            case RATIO -> {
                List<EpochRow> train = run.train();
                int t = -1;
                for (EpochRow te : run.test()) {
                    while (t + 1 < train.size() && train.get(t + 1).epoch() <= te.epoch()) {
                        t++;
                    }
                    double tr = t < 0 ? Double.NaN : y.applyAsDouble(train.get(t));
                    double v = tr == 0 ? Double.NaN : y.applyAsDouble(te) / tr;
                    out.add(new double[] {te.epoch(), te.wallSeconds(), v});
                }
            }
        }
        return out;
    }
}
