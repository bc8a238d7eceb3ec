package dev.arraysweep.worker.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Summaries of repeated measurements: the median and the spread, rounded for reading. */
final class Stats {
    private Stats() {}

    /** {@return median, min, max and count of {@code values}} */
    static Map<String, Object> summary(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", round(median(v)));
        m.put("min", round(v[0]));
        m.put("max", round(v[v.length - 1]));
        m.put("n", v.length);
        return m;
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@return {@code x} to 4 significant digits} */
    static double round(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        return new BigDecimal(x).round(new MathContext(4)).doubleValue();
    }
}
