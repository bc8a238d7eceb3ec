package dev.arraysweep.worker.data;

import java.util.Objects;

/**
 * Per-channel mean and standard deviation used to normalise images.
 *
 * @param mean mean pixel value of each channel
 * @param std population standard deviation of each channel (never 0, see {@link Normalization})
 */
public record ChannelStats(float[] mean, float[] std) {

    public ChannelStats {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException(
                    "need one mean and one std per channel, got " + mean.length + " and " + std.length);
        }
    }

    /** {@return the number of channels} */
    public int channels() {
        return mean.length;
    }
}
