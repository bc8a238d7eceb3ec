package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.arraysweep.worker.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early stopping in the training loop does not depend on the run's number of epochs: a run whose patience runs
 * out in its last epoch finishes normally, and raised to more epochs (expand extends) stops right there, as a run
 * that long from the start does.
 */
class EarlyStoppingRunTest {
    private static Map<String, Object> params(int epochs) {
        return Map.of("epochs", epochs, "early_stopping_patience", 2);
    }

    @Test
    void patienceRunningOutInTheLastEpoch_isNoEarlyStop_andAnExtensionStopsThere(@TempDir Path dir) {
        Dataset data = TrainerTest.toyData(160, 40);
        List<EpochResult> straight = new ArrayList<>();
        Optional<EarlyStop> straightStop;
        try (Trainer t = new Trainer(TrainerTest.spec(params(8)), data, Device.cpu())) {
            t.train(straight::add, () -> false);
            straightStop = t.earlyStop();
        }
        int stop = straightStop.orElseThrow().epoch();
        assertThat(straight).hasSize(stop + 1);

        List<EpochResult> shorter = new ArrayList<>();
        try (Trainer t = new Trainer(TrainerTest.spec(params(stop + 1)), data, Device.cpu())) {
            assertThat(t.train(shorter::add, () -> false)).isTrue();
            assertThat(t.earlyStop()).as("its last epoch ends it anyway").isEmpty();
            t.saveCheckpoint(dir, "h");
        }
        assertThat(shorter).hasSize(stop + 1);
        assertThat(shorter.get(stop).test()).isEqualTo(straight.get(stop).test());

        List<EpochResult> extended = new ArrayList<>();
        try (Trainer t = new Trainer(TrainerTest.spec(params(8)), data, Device.cpu())) {
            assertThat(t.resumeFrom(dir, "h")).isEqualTo(stop + 1);
            assertThat(t.train(extended::add, () -> false)).isTrue();
            assertThat(t.earlyStop()).isEqualTo(straightStop);
        }
        assertThat(extended).as("no epoch after the stop").isEmpty();
    }
}
