package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.sampling.Archetype;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.SampleSource;
import dev.arraysweep.worker.sampling.StatelessDecorator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivergenceGuardTest {
    @Test
    void finiteLossesPass_nonFiniteOnesStopWithEpochStepAndValue() {
        DivergenceGuard guard = new DivergenceGuard(10, null);
        guard.afterStep(0, 1, 2.3);
        guard.afterStep(0, 2, 1e30);
        guard.afterEpoch(0, 4.6);
        assertThatThrownBy(() -> guard.afterStep(2, 17, Double.NaN))
                .isInstanceOf(TrainingDiverged.class)
                .hasMessage("training loss NaN at epoch 2 (3/10), step 17");
        assertThatThrownBy(() -> guard.afterStep(0, 3, Double.POSITIVE_INFINITY))
                .hasMessage("training loss Infinity at epoch 0 (1/10), step 3");
        assertThatThrownBy(() -> guard.afterEpoch(4, Double.NaN))
                .isInstanceOfSatisfying(TrainingDiverged.class, d -> {
                    assertThat(d.epoch()).isEqualTo(4);
                    assertThat(d.step()).isZero();
                })
                .hasMessage("test loss NaN after epoch 4 (5/10)");
    }

    @Test
    void aBound_stopsALossAboveIt() {
        DivergenceGuard guard = new DivergenceGuard(3, 100.0);
        guard.afterStep(1, 5, 100.0);
        assertThatThrownBy(() -> guard.afterStep(1, 6, 3074.2))
                .isInstanceOfSatisfying(
                        TrainingDiverged.class, d -> assertThat(d.value()).isEqualTo(3074.2))
                .hasMessage("training loss above 100.0: 3074.20 at epoch 1 (2/3), step 6");
    }

    /** Plain mini-batches whose loss weights are NaN from epoch {@code badEpoch} on: a loss that turns NaN. */
    private static final class NanWeightsFrom extends StatelessDecorator {
        private final int badEpoch;
        private int epoch;

        NanWeightsFrom(int batchSize, int badEpoch) {
            super(new Archetype(batchSize));
            this.badEpoch = badEpoch;
        }

        @Override
        public void startEpoch(int epoch, int[] order, SampleSource source) {
            this.epoch = epoch;
            inner.startEpoch(epoch, order, source);
        }

        @Override
        public Batch nextStep(SampleSource source) {
            Batch b = inner.nextStep(source);
            if (b == null || epoch < badEpoch) {
                return b;
            }
            float[] w = new float[b.size()];
            Arrays.fill(w, Float.NaN);
            return source.withWeights(b, w);
        }
    }

    @Test
    void aNanLossInEpoch1_stopsAtItsFirstStep_andTheCheckpointOfEpoch0StaysFinite(@TempDir Path dir) {
        Dataset data = TrainerTest.toyData(64, 32);
        var spec = TrainerTest.spec(Map.of("epochs", 3));
        List<EpochResult> epochs = new ArrayList<>();
        try (Trainer t = new Trainer(spec, data, Device.cpu(), new NanWeightsFrom(16, 1))) {
            // as the task runner does: a checkpoint after every finished epoch
            assertThatThrownBy(() -> t.train(
                            r -> {
                                epochs.add(r);
                                t.saveCheckpoint(dir, "h");
                            },
                            () -> false))
                    .isInstanceOfSatisfying(TrainingDiverged.class, d -> {
                        assertThat(d.epoch()).isEqualTo(1);
                        assertThat(d.step()).isEqualTo(1);
                        assertThat(d.value()).isNaN();
                    });
        }
        assertThat(epochs).extracting(EpochResult::epoch).containsExactly(0);
        try (Trainer t = new Trainer(spec, data, Device.cpu(), new NanWeightsFrom(16, 1))) {
            assertThat(t.resumeFrom(dir, "h")).isEqualTo(1);
            assertThat(t.parameterChecksum()).isFinite().isPositive();
        }
    }
}
