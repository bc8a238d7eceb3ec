package dev.arraysweep.orchestrator.report;

import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.RunData;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Which epoch of each run a report looks at: the last one with test figures, a given one, or the
 * one with the best test accuracy (the earliest on ties).
 *
 * @param kind how the epoch is chosen
 * @param epoch the epoch for {@link Kind#EPOCH} (as stored: the first epoch is 0), else -1
 */
public record At(Kind kind, int epoch) {
    /** How the epoch is chosen. */
    public enum Kind {
        FINAL,
        EPOCH,
        BEST
    }

    /** The last epoch with test figures. */
    public static final At FINAL = new At(Kind.FINAL, -1);
    /** The epoch of the best test accuracy. */
    public static final At BEST = new At(Kind.BEST, -1);

    public At {
        if (kind == Kind.EPOCH && epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0 (the first epoch is 0), not " + epoch);
        }
    }

    /** {@return the given epoch (the first epoch is 0)} */
    public static At epoch(int epoch) {
        return new At(Kind.EPOCH, epoch);
    }

    /** {@return the run's figures at this epoch, or empty when the run has no test row there} */
    public Optional<RunPoint> pick(RunData run) {
        Optional<EpochRow> test =
                switch (kind) {
                    case FINAL -> run.test().stream().max(Comparator.comparingInt(EpochRow::epoch));
                    case EPOCH -> run.testAt(epoch);
                    case BEST -> run.test().stream()
                            .filter(r -> Double.isFinite(r.accuracy()))
                            .max(Comparator.comparingDouble(EpochRow::accuracy)
                                    .thenComparing(Comparator.comparingInt(EpochRow::epoch)
                                            .reversed()));
                };
        return test.map(t ->
                new RunPoint(run, t.epoch(), t, run.trainAtOrBefore(t.epoch()).orElse(null)));
    }

    /** {@return how the epoch is chosen, in words} */
    public String describe() {
        return switch (kind) {
            case FINAL -> "the final epoch";
            case EPOCH -> "epoch " + epoch;
            case BEST -> "the epoch of best test accuracy";
        };
    }

    /** {@return the name used in CSV and JSON: final, best or the epoch number} */
    String code() {
        return kind == Kind.EPOCH ? Integer.toString(epoch) : kind.name().toLowerCase(Locale.ROOT);
    }
}
