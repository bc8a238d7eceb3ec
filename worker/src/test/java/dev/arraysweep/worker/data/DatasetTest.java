package dev.arraysweep.worker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DatasetTest {

    // 1 channel of 1x2 pixels; train images (0,0) (2,2) (10,10) (20,20)
    private static final Dataset RAW = new Dataset(
            "tiny",
            1,
            1,
            2,
            3,
            new Split(new float[] {0, 0, 2, 2, 10, 10, 20, 20}, new int[] {0, 1, 2, 0}),
            new Split(new float[] {1, 3, 5, 7}, new int[] {2, 1}));

    @Test
    void limit_keepsTheFirstImagesOfEachSplit() {
        Dataset small = RAW.limit(2, 1);

        assertThat(small.train().labels()).containsExactly(0, 1);
        assertThat(small.train().images()).containsExactly(0, 0, 2, 2);
        assertThat(small.test().images()).containsExactly(1, 3);
    }

    @Test
    void limitAboveTheSplitSize_keepsTheWholeSplit() {
        assertThat(RAW.limit(100, Integer.MAX_VALUE).train()).isSameAs(RAW.train());
    }

    @Test
    void normalisingASubset_usesStatisticsOfTheSubset() {
        Dataset small = RAW.limit(2, 2).normalized();

        // train subset 0, 0, 2, 2: mean 1, std 1
        assertThat(small.normalization().mean()).containsExactly(1f);
        assertThat(small.normalization().std()).containsExactly(1f);
        assertThat(small.train().images()).containsExactly(new float[] {-1, -1, 1, 1}, within(1e-6f));
        assertThat(small.test().images()).containsExactly(new float[] {0, 2, 4, 6}, within(1e-6f));
        assertThat(small.isNormalized()).isTrue();
    }

    @Test
    void limitAfterNormalising_isRefusedBecauseStatisticsWouldComeFromOtherImages() {
        Dataset normalised = RAW.normalized();

        assertThatThrownBy(() -> normalised.limit(1, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("take the subset first, then normalise");
    }

    @Test
    void splitWithWrongImageSize_isRejected() {
        Split threeValues = new Split(new float[] {1, 2, 3}, new int[] {0});

        assertThatThrownBy(() -> new Dataset("x", 1, 1, 2, 3, threeValues, threeValues))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x train images have 3 values each, expected 2");
    }
}
