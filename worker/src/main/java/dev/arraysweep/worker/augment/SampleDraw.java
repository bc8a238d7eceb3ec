package dev.arraysweep.worker.augment;

/**
 * The random decisions of the CIFAR augmentation for one sample.
 *
 * @param flip whether the sample is mirrored left to right
 * @param angleDegrees the affine rotation, counter-clockwise
 * @param translateX the affine shift to the right, whole pixels
 * @param translateY the affine shift downwards, whole pixels
 * @param scale the affine zoom
 * @param cropTop the first row of the crop window in the padded image
 * @param cropLeft the first column of the crop window in the padded image
 * @param jitter the colour-jitter order and factors
 */
public record SampleDraw(
        boolean flip,
        double angleDegrees,
        int translateX,
        int translateY,
        double scale,
        int cropTop,
        int cropLeft,
        JitterParams jitter) {

    public SampleDraw {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        if (cropTop < 0 || cropLeft < 0) {
            throw new IllegalArgumentException("crop offsets must be >= 0, got " + cropTop + ", " + cropLeft);
        }
    }
}
