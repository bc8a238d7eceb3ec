package dev.arraysweep.worker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    // two images, two channels of two pixels each:
    // channel 0 values 0, 1, 1, 2 -> mean 1, population variance 0.5
    // channel 1 values 2, 2, 4, 4 -> mean 3, population variance 1
    private static final Split TRAIN = new Split(new float[] {0, 1, 2, 2, 1, 2, 4, 4}, new int[] {0, 1});

    @Test
    void stats_arePerChannelMeanAndPopulationStd() {
        ChannelStats stats = Normalization.compute(TRAIN, 2);

        assertThat(stats.mean()).containsExactly(new float[] {1f, 3f}, within(1e-7f));
        assertThat(stats.std()).containsExactly(new float[] {(float) Math.sqrt(0.5), 1f}, within(1e-7f));
    }

    @Test
    void apply_standardisesEachChannelWithTheGivenStats() {
        ChannelStats stats = Normalization.compute(TRAIN, 2);
        float r = (float) Math.sqrt(2);

        Split normalised = Normalization.apply(TRAIN, stats);

        assertThat(normalised.images()).containsExactly(new float[] {-r, 0, -1, -1, 0, r, 1, 1}, within(1e-6f));
        assertThat(normalised.labels()).isSameAs(TRAIN.labels());
        assertThat(TRAIN.images()[0]).as("input untouched").isEqualTo(0f);
    }

    @Test
    void testSplit_usesTheTrainingStats() {
        Split test = new Split(new float[] {3, 3, 5, 1}, new int[] {0});

        Split normalised = Normalization.apply(test, Normalization.compute(TRAIN, 2));

        float r = (float) Math.sqrt(2);
        assertThat(normalised.images()).containsExactly(new float[] {2 * r, 2 * r, 2, -2}, within(1e-6f));
    }

    @Test
    void constantChannel_isOnlyCentred() {
        Split constant = new Split(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, new int[] {0, 0});

        ChannelStats stats = Normalization.compute(constant, 1);

        assertThat(stats.std()).containsExactly(1f);
        assertThat(Normalization.apply(constant, stats).images()).containsOnly(0f);
    }
}
