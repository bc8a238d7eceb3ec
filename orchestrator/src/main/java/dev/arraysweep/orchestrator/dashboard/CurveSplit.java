package dev.arraysweep.orchestrator.dashboard;

import dev.arraysweep.orchestrator.plot.Curve;
import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.RunData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Which rows of a run a dashboard curve is drawn from, and the points of one run on them; {@link Curve} averages
 * those points over seeds and bands them, as it does for {@code arraysweep plot}.
 */
enum CurveSplit {
    TRAIN,
    TEST,
    /** Test over train: the test row of an epoch over the latest train row at or before it (as reports pair them). */
    RATIO;

    static CurveSplit of(String name) {
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

    /**
     * {@return one run's points: per epoch its value of {@code y} on this split}
     *
     * @param wallClock whether x is the run's wall-clock seconds at the epoch rather than the epoch
     */
    List<Curve.Point> points(RunData run, ToDoubleFunction<EpochRow> y, boolean wallClock) {
        List<Curve.Point> out = new ArrayList<>();
        switch (this) {
            case TRAIN -> run.train().forEach(r -> out.add(point(r, y.applyAsDouble(r), wallClock)));
            case TEST -> run.test().forEach(r -> out.add(point(r, y.applyAsDouble(r), wallClock)));
            case RATIO -> {
                List<EpochRow> train = run.train();
                int t = -1;
                for (EpochRow te : run.test()) {
                    while (t + 1 < train.size() && train.get(t + 1).epoch() <= te.epoch()) {
                        t++;
                    }
                    double tr = t < 0 ? Double.NaN : y.applyAsDouble(train.get(t));
                    out.add(point(te, tr == 0 ? Double.NaN : y.applyAsDouble(te) / tr, wallClock));
                }
            }
        }
        return out;
    }

    private static Curve.Point point(EpochRow row, double y, boolean wallClock) {
        return new Curve.Point(row.epoch(), wallClock ? row.wallSeconds() : row.epoch(), y);
    }
}
