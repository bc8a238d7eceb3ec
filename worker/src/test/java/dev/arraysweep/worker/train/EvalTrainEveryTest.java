package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalTrainEveryTest {
    @Test
    void everyThirdEpochOfSeven_evaluatesTheTrainSplitInEpochs3And6AndTheLast_andTheTestSplitEveryEpoch() {
        List<EpochResult> results = new ArrayList<>();
        try (Trainer t = new Trainer(
                TrainerTest.spec(Map.of("epochs", 7, "eval_train_every", 3)),
                TrainerTest.toyData(40, 20),
                Device.cpu())) {
            t.train(results::add, () -> false);
        }
        // epochs are numbered from 0: the 3rd, 6th and 7th are 2, 5 and 6
        assertThat(results)
                .filteredOn(r -> r.train() != null)
                .extracting(EpochResult::epoch)
                .containsExactly(2, 5, 6);
        assertThat(results).allSatisfy(r -> assertThat(r.test()).isNotNull()).hasSize(7);
    }
}
