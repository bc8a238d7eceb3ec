package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.Judgement;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceDataTest {
    private static Trainer trainer() {
        return new Trainer(TrainerTest.spec(Map.of()), TrainerTest.toyData(40, 10), Device.cpu());
    }

    @Test
    void judgingComputesOnlyThePartsAskedFor_withTheSameValuesAsAFullJudgement() {
        try (Trainer t = trainer()) {
            DeviceData data = (DeviceData) t.trainData();
            Batch b = data.fetch(new int[] {5, 1, 7, 3});
            Judgement all = data.judge(b, Judgement.Part.all());
            Judgement hard = data.judge(b, EnumSet.of(Judgement.Part.CORRECT));
            Judgement losses = data.judge(b, EnumSet.of(Judgement.Part.LOSSES, Judgement.Part.MARGINS));
            assertThat(hard.correct()).containsExactly(all.correct());
            assertThat(losses.losses()).containsExactly(all.losses());
            assertThat(losses.margins()).containsExactly(all.margins());
            assertThatThrownBy(hard::losses)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("without LOSSES");
            assertThat(data.judge(b, EnumSet.noneOf(Judgement.Part.class)).size())
                    .isEqualTo(4);
            data.release(b);
        }
    }

    @Test
    void fetchingARunOfTheEpochOrder_givesWhatFetchingTheSameIndicesFromTheHostGives() {
        try (Trainer t = trainer()) {
            DeviceData data = (DeviceData) t.trainData();
            int[] order = {9, 4, 0, 31, 2, 17, 8, 5};
            Batch fromHost = data.fetch(new int[] {0, 31, 2});
            data.useOrder(order);
            Batch fromOrder = data.fetch(new int[] {0, 31, 2}); // positions 2..4 of the order
            Batch notARun = data.fetch(new int[] {0, 2, 31});
            assertThat(fromOrder.x().toFloatArray())
                    .containsExactly(fromHost.x().toFloatArray());
            assertThat(fromOrder.y().toLongArray()).containsExactly(fromHost.y().toLongArray());
            assertThat(notARun.y().toLongArray())
                    .containsExactly(
                            fromHost.y().toLongArray()[0],
                            fromHost.y().toLongArray()[2],
                            fromHost.y().toLongArray()[1]);
            data.release(fromHost);
            data.release(fromOrder);
            data.release(notARun);
        }
    }

    @Test
    void consecutiveRows_areTheSameAsGatheredRows() {
        try (Trainer t = trainer()) {
            DeviceData data = (DeviceData) t.trainData();
            Batch b = data.fetch(new int[] {3, 8, 1, 6, 2});
            Batch run = data.rows(b, new int[] {1, 2, 3});
            Batch gathered = data.rows(b, new int[] {1, 3, 2});
            assertThat(run.indices()).containsExactly(8, 1, 6);
            float[] g = gathered.x().toFloatArray();
            float[] r = run.x().toFloatArray();
            int per = g.length / 3;
            assertThat(java.util.Arrays.copyOfRange(r, per, 2 * per))
                    .containsExactly(java.util.Arrays.copyOfRange(g, 2 * per, 3 * per));
            assertThat(run.y().toLongArray())
                    .containsExactly(
                            b.y().toLongArray()[1],
                            b.y().toLongArray()[2],
                            b.y().toLongArray()[3]);
            data.release(run);
            data.release(gathered);
            data.release(b);
        }
    }
}
