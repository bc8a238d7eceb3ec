package dev.arraysweep.worker.data;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A loaded image-classification dataset: image geometry, class count and its two splits.
 *
 * @param name the dataset's name, e.g. {@code cifar10}
 * @param channels channels per image
 * @param height rows per image
 * @param width columns per image
 * @param numClasses number of classes; every label is below it
 * @param train the training split
 * @param test the test split
 * @param normalization the statistics the splits were standardised with, or {@code null} while the
 *     pixels are still raw values in [0, 1]
 * @param trainPositions the position of each training image in the training split as loaded, when only part
 *     of it is kept ({@link #limit}, {@link #select}); {@code null} while it is the whole split in order
 */
public record Dataset(
        String name,
        int channels,
        int height,
        int width,
        int numClasses,
        Split train,
        Split test,
        ChannelStats normalization,
        int[] trainPositions) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (channels < 1 || height < 1 || width < 1 || numClasses < 1) {
            throw new IllegalArgumentException("bad geometry " + channels + "x" + height + "x" + width + " with "
                    + numClasses + " classes for dataset " + name);
        }
        checkSampleSize(name + " train", train, channels * height * width);
        checkSampleSize(name + " test", test, channels * height * width);
        if (normalization != null && normalization.channels() != channels) {
            throw new IllegalArgumentException("normalisation statistics for " + normalization.channels()
                    + " channels do not fit " + channels + "-channel dataset " + name);
        }
        if (trainPositions != null && trainPositions.length != train.count()) {
            throw new IllegalArgumentException(
                    trainPositions.length + " positions for " + train.count() + " training images of dataset " + name);
        }
    }

    /** Creates a dataset of raw (not normalised) pixel values, its whole training split in order. */
    public Dataset(String name, int channels, int height, int width, int numClasses, Split train, Split test) {
        this(name, channels, height, width, numClasses, train, test, null, null);
    }

    /** {@return whether the splits have been standardised with per-channel statistics} */
    public boolean isNormalized() {
        return normalization != null;
    }

    /** {@return values per image: channels x height x width} */
    public int sampleSize() {
        return channels * height * width;
    }

    /**
     * {@return this dataset with only the first images of each split}
     *
     * <p>Limits larger than a split keep the whole split. Only raw datasets can be limited, so that
     * normalisation statistics always come from the training images actually used: limit first,
     * then call {@link #normalized()}.
     *
     * @param trainLimit how many training images to keep, at least 1
     * @param testLimit how many test images to keep, at least 1
     */
    public Dataset limit(int trainLimit, int testLimit) {
        requireRaw();
        Split kept = train.first(trainLimit);
        return new Dataset(
                name,
                channels,
                height,
                width,
                numClasses,
                kept,
                test.first(testLimit),
                null,
                positionsOf(IntStream.range(0, kept.count()).toArray()));
    }

    /**
     * {@return this dataset with only the images of {@code subset}, in its order, and its number of classes}
     * Like {@link #limit}, only raw datasets can be narrowed, so that normalisation statistics come from the
     * training images actually used.
     */
    public Dataset select(Subset subset) {
        requireRaw();
        return new Dataset(
                name,
                channels,
                height,
                width,
                subset.numClasses(),
                train.rows(subset.train()),
                test.rows(subset.test()),
                null,
                positionsOf(subset.train()));
    }

    /** {@return the loaded split's positions of this split's {@code rows}} */
    private int[] positionsOf(int[] rows) {
        if (trainPositions == null) {
            return rows.clone();
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = trainPositions[rows[i]];
        }
        return out;
    }

    private void requireRaw() {
        if (isNormalized()) {
            throw new IllegalStateException("dataset " + name + " is already normalised with statistics of its"
                    + " full training split; take the subset first, then normalise");
        }
    }

    /**
     * {@return this dataset with both splits standardised by per-channel statistics of its training split}
     *
     * @see Normalization
     */
    public Dataset normalized() {
        if (isNormalized()) {
            throw new IllegalStateException("dataset " + name + " is already normalised");
        }
        ChannelStats stats = Normalization.compute(train, channels);
        return new Dataset(
                name,
                channels,
                height,
                width,
                numClasses,
                Normalization.apply(train, stats),
                Normalization.apply(test, stats),
                stats,
                trainPositions);
    }

    private static void checkSampleSize(String what, Split split, int expected) {
        if (split.count() > 0 && split.sampleSize() != expected) {
            throw new IllegalArgumentException(
                    what + " images have " + split.sampleSize() + " values each, expected " + expected);
        }
    }
}
