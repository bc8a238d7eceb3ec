package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.eval.LossSummary;
import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.train.EpochResult;
import org.junit.jupiter.api.Test;

class MetricRowsTest {
    private static final SplitMetrics METRICS = new SplitMetrics(0.5, LossSummary.of(new float[] {1f, 2f}));
    private static final SamplerFigures FIGURES = new SamplerFigures(10, 10, 10, 0, 1, 1.0, 1.0);

    @Test
    void anEpochWithoutTrainEvaluation_writesOnlyItsTestRow() {
        EpochResult skipped = new EpochResult(0, 0.1, FIGURES, 1.0, 1.5, null, METRICS, 1L, null);
        assertThat(MetricRows.of(7, 1, skipped)).extracting(EpochMetrics::split).containsExactly("test");
    }

    @Test
    void anEpochWithTrainEvaluation_writesBothRows() {
        EpochResult both = new EpochResult(2, 0.1, FIGURES, 1.0, 1.5, METRICS, METRICS, 1L, null);
        assertThat(MetricRows.of(7, 1, both)).extracting(EpochMetrics::split).containsExactly("train", "test");
    }
}
