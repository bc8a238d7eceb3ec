package dev.arraysweep.orchestrator.results;

import java.util.function.ToDoubleFunction;

/** The four figures of the thesis' tables 4.4-4.9, in their column order. */
public enum Metric {
    ACCURACY("accuracy", "Accuracy", EpochRow::accuracy),
    MEAN_LOSS("mean_loss", "Mean loss", EpochRow::meanLoss),
    Q90_LOSS("q90_loss", "Q=0.9 loss", EpochRow::q90Loss),
    WORST_LOSS("worst_loss", "Worst loss", EpochRow::worstLoss);

    private final String column;
    private final String title;
    private final ToDoubleFunction<EpochRow> value;

    Metric(String column, String title, ToDoubleFunction<EpochRow> value) {
        this.column = column;
        this.title = title;
        this.value = value;
    }

    /** {@return the name used in SQL, CSV and JSON, e.g. {@code q90_loss}} */
    public String column() {
        return column;
    }

    /** {@return the heading used in tables and figures, e.g. {@code Q=0.9 loss}} */
    public String title() {
        return title;
    }

    /** {@return this figure of a metric row} */
    public double of(EpochRow row) {
        return value.applyAsDouble(row);
    }

    /** Train, test and their ratio: the three columns under each figure. */
    public enum Part {
        TRAIN("train", "Train"),
        TEST("test", "Test"),
        RATIO("ratio", "Ratio");

        private final String column;
        private final String title;

        Part(String column, String title) {
            this.column = column;
            this.title = title;
        }

        /** {@return the name used in CSV and JSON} */
        public String column() {
            return column;
        }

        /** {@return the heading used in tables} */
        public String title() {
            return title;
        }
    }
}
