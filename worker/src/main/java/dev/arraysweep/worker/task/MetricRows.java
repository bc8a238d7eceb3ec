package dev.arraysweep.worker.task;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.telemetry.DeviceTelemetry;
import dev.arraysweep.worker.train.EpochResult;
import java.util.ArrayList;
import java.util.List;

/** Turns an epoch's results into the database's metric rows, one per evaluated split. */
final class MetricRows {
    private MetricRows() {}

    static List<EpochMetrics> of(long runId, int attempt, EpochResult r, DeviceTelemetry.Reading device) {
        List<EpochMetrics> rows = new ArrayList<>(2);
        if (r.train() != null) {
            rows.add(row(runId, attempt, r, device, "train", r.train()));
        }
        rows.add(row(runId, attempt, r, device, "test", r.test()));
        return rows;
    }

    private static EpochMetrics row(
            long runId, int attempt, EpochResult r, DeviceTelemetry.Reading device, String split, SplitMetrics m) {
        var l = m.losses();
        return new EpochMetrics(
                runId,
                attempt,
                r.epoch(),
                split,
                m.accuracy(),
                l.mean(),
                l.best(),
                l.worst(),
                l.q50(),
                l.q90(),
                l.q99(),
                l.count(),
                r.epochSeconds(),
                r.wallSeconds(),
                r.learningRate(),
                r.sampler(),
                r.hostMemoryBytes(),
                device.deviceMemoryBytes(),
                device.gpu());
    }
}
