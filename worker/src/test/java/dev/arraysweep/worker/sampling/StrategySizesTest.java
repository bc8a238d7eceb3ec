package dev.arraysweep.worker.sampling;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every strategy refuses a size below 1 with a message that names the size. */
class StrategySizesTest {
    @Test
    void aBatchSizeOf0_isRefusedByEveryStrategyThatTakesOne() {
        assertThatThrownBy(() -> new Archetype(0)).hasMessage("batch size must be positive, not 0");
        assertThatThrownBy(() -> new BatchFilter(0, null, null, null, false))
                .hasMessage("batch size must be positive, not 0");
        assertThatThrownBy(() -> new EmptyFallback(new Archetype(1), -2))
                .hasMessage("batch size must be positive, not -2");
    }

    @Test
    void aChunkOrKOf0_isRefused() {
        assertThatThrownBy(() -> new EpochFilter(new Archetype(1), null, false, 0))
                .hasMessage("chunk size must be positive, not 0");
        assertThatThrownBy(() -> new Selector.TopK(0)).hasMessage("k must be positive, not 0");
        assertThatThrownBy(() -> new Selector.QSplit(0, 2, 1.0)).hasMessage("k must be positive, not 0");
    }
}
