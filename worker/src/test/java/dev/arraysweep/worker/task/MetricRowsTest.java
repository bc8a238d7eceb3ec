package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.eval.LossSummary;
import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.telemetry.DeviceTelemetry;
import dev.arraysweep.worker.train.EpochResult;
import org.junit.jupiter.api.Test;

class MetricRowsTest {
    private static final SplitMetrics METRICS = new SplitMetrics(0.5, LossSummary.of(new float[] {1f, 2f}));
    private static final SamplerFigures FIGURES = new SamplerFigures(10, 10, 10, 0, 1, 1.0, 1.0);
    private static final DeviceTelemetry.Reading NO_DEVICE = new DeviceTelemetry.Reading(null, null);

    @Test
    void anEpochWithoutTrainEvaluation_writesOnlyItsTestRow() {
        EpochResult skipped = new EpochResult(0, 0.1, FIGURES, 1.0, 1.5, null, METRICS, 1L);
        assertThat(MetricRows.of(7, 1, skipped, NO_DEVICE))
                .extracting(EpochMetrics::split)
                .containsExactly("test");
    }

    @Test
    void anEpochWithTrainEvaluation_writesBothRows() {
        EpochResult both = new EpochResult(2, 0.1, FIGURES, 1.0, 1.5, METRICS, METRICS, 1L);
        assertThat(MetricRows.of(7, 1, both, NO_DEVICE))
                .extracting(EpochMetrics::split)
                .containsExactly("train", "test");
    }

    @Test
    void theDeviceFigures_goOnBothRowsOfTheEpoch() {
        EpochResult both = new EpochResult(2, 0.1, FIGURES, 1.0, 1.5, METRICS, METRICS, 1L);
        GpuFigures gpu = new GpuFigures(50.0, 60.0, 70.0, 80L, 3);
        assertThat(MetricRows.of(7, 1, both, new DeviceTelemetry.Reading(9L, gpu)))
                .extracting(EpochMetrics::deviceMemoryBytes, EpochMetrics::gpu, EpochMetrics::hostMemoryBytes)
                .containsExactly(tuple(9L, gpu, 1L), tuple(9L, gpu, 1L));
    }
}
