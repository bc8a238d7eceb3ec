package dev.arraysweep.worker.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One split of a dataset: images as a flat NCHW float array and one label per image.
 *
 * <p>The arrays are shared, not copied; callers must not modify them. Equality is by reference, as
 * for any record holding arrays.
 *
 * @param images pixel values of all images, image after image, each in channel-row-column order
 * @param labels the class of each image, from 0
 */
public record Split(float[] images, int[] labels) {

    public Split {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (labels.length == 0 ? images.length != 0 : images.length % labels.length != 0) {
            throw new IllegalArgumentException(
                    images.length + " pixel values cannot be split evenly into " + labels.length + " images");
        }
    }

    /** {@return the number of images} */
    public int count() {
        return labels.length;
    }

    /** {@return the number of values per image (channels x height x width), 0 for an empty split} */
    public int sampleSize() {
        return labels.length == 0 ? 0 : images.length / labels.length;
    }

    /**
     * {@return the first {@code n} images, or this split when it has no more than {@code n}}
     *
     * @param n how many images to keep, at least 1
     */
    public Split first(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a split limit must be at least 1, got " + n);
        }
        if (n >= count()) {
            return this;
        }
        return new Split(Arrays.copyOf(images, n * sampleSize()), Arrays.copyOf(labels, n));
    }

    /** {@return the images at {@code rows} (positions in this split), in that order} */
    public Split rows(int[] rows) {
        int size = sampleSize();
        float[] x = new float[rows.length * size];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(images, rows[i] * size, x, i * size, size);
            y[i] = labels[rows[i]];
        }
        return new Split(x, y);
    }
}
