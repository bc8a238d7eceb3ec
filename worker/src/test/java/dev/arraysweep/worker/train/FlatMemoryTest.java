package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import dev.arraysweep.worker.telemetry.ProcessMemory;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hundred epochs of a tiny model leave no more live arrays and no more resident memory behind than ten:
 * every step's and every batch's arrays are freed with their sub-managers, whatever the strategy keeps
 * across steps (the batch filter's carried samples) is replaced, not piled up.
 */
class FlatMemoryTest {
    private static final int EPOCHS = 100;
    /**
     * Resident memory may rise without a leak: the JVM's young generation is touched page by page as garbage
     * piles up between collections (about 0.2 MB per epoch here, so some 20 MB by epoch 100 in a fresh JVM).
     */
    private static final long RSS_TOLERANCE = 96L << 20;

    @ParameterizedTest
    @ValueSource(strings = {"archetype", "batch filter with carry"})
    void hundredEpochs_liveArraysAndResidentMemoryDoNotGrow(String kind) {
        Map<String, Object> params = kind.equals("archetype")
                ? Map.of("epochs", EPOCHS)
                : Map.of("epochs", EPOCHS, "batch_filtering", true, "overflow", "carry", "accumulation_batch_size", 12);
        int[] arrays = new int[EPOCHS];
        long[] rss = new long[EPOCHS];
        try (Trainer t = new Trainer(TrainerTest.spec(params), TrainerTest.toyData(64, 16), Device.cpu())) {
            BaseNDManager manager = (BaseNDManager) t.manager();
            assertThat(t.train(
                            r -> {
                                arrays[r.epoch()] =
                                        manager.getManagedArrays().size(); // recursive: sub-managers included
                                rss[r.epoch()] = ProcessMemory.residentBytes();
                            },
                            () -> false))
                    .isTrue();
        }
        int earlyMax = Arrays.stream(arrays, 0, 10).max().orElseThrow();
        int lateMax = Arrays.stream(arrays, 10, EPOCHS).max().orElseThrow();
        assertThat(lateMax)
                .as("live arrays after epochs 11-100 (per epoch: %s)", Arrays.toString(arrays))
                .isLessThanOrEqualTo(earlyMax);
        assertThat(rss[EPOCHS - 1] - rss[9])
                .as("resident memory growth from epoch 10 to epoch 100 (bytes)")
                .isLessThan(RSS_TOLERANCE);
    }
}
