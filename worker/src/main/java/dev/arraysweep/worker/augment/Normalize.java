package dev.arraysweep.worker.augment;

import ai.djl.ndarray.NDArray;

/**
 * torchvision's {@code Normalize(mean, std)}: {@code (x - mean[c]) / std[c]} per channel of a
 * batch (N, C, H, W), applied after augmentation.
 */
public final class Normalize {

    private final float[] mean;
    private final float[] std;

    /**
     * Creates the normalisation.
     *
     * @param mean the mean per channel
     * @param std the standard deviation per channel, all &gt; 0
     */
    public Normalize(float[] mean, float[] std) {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException(
                    "need one mean and one std per channel, got " + mean.length + " and " + std.length);
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be > 0, got " + s);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /**
     * {@return the normalised batch}
     *
     * @param batch images (N, C, H, W) with as many channels as means
     */
    public NDArray apply(NDArray batch) {
        if (batch.getShape().dimension() != 4 || batch.getShape().get(1) != mean.length) {
            throw new IllegalArgumentException(
                    "expected a batch (N, " + mean.length + ", H, W), got shape " + batch.getShape());
        }
        return Scoped.apply(batch, scope -> batch.sub(scope.create(mean).reshape(1, mean.length, 1, 1))
                .div(scope.create(std).reshape(1, std.length, 1, 1)));
    }
}
