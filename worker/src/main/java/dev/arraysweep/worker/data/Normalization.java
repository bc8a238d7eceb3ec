package dev.arraysweep.worker.data;

/**
 * Per-channel standardisation: {@code (x - mean[c]) / std[c]} with statistics from a training split.
 *
 * <p>The standard deviation is the population one (divide by the number of values), as used for
 * the usual CIFAR constants; sums are taken in double precision. A channel whose values are all
 * equal has standard deviation 0; it is then only centred (std is taken as 1) instead of producing
 * infinities.
 */
public final class Normalization {

    private Normalization() {}

    /**
     * {@return the mean and standard deviation of every channel over all images and pixels of a split}
     *
     * @param split the (training) split to measure, with at least one image
     * @param channels the number of channels of each image
     */
    public static ChannelStats compute(Split split, int channels) {
        if (split.count() == 0) {
            throw new IllegalArgumentException("cannot compute statistics of an empty split");
        }
        int plane = planeSize(split, channels);
        float[] x = split.images();
        double values = (double) split.count() * plane;
        double[] mean = new double[channels];
        for (int start = 0; start < x.length; start += plane) {
            double sum = 0;
            for (int i = start; i < start + plane; i++) {
                sum += x[i];
            }
            mean[(start / plane) % channels] += sum;
        }
        double[] squares = new double[channels];
        for (int start = 0; start < x.length; start += plane) {
            int c = (start / plane) % channels;
            double m = mean[c] / values;
            double sum = 0;
            for (int i = start; i < start + plane; i++) {
                double d = x[i] - m;
                sum += d * d;
            }
            squares[c] += sum;
        }
        float[] meanOut = new float[channels];
        float[] stdOut = new float[channels];
        for (int c = 0; c < channels; c++) {
            meanOut[c] = (float) (mean[c] / values);
            double std = Math.sqrt(squares[c] / values);
            stdOut[c] = std == 0 ? 1f : (float) std;
        }
        return new ChannelStats(meanOut, stdOut);
    }

    /**
     * {@return a new split with every pixel standardised by its channel's statistics}
     *
     * @param split the split to normalise; it is not modified
     * @param stats statistics from the training split
     */
    public static Split apply(Split split, ChannelStats stats) {
        float[] x = split.images();
        float[] out = new float[x.length];
        if (x.length > 0) {
            int channels = stats.channels();
            int plane = planeSize(split, channels);
            for (int start = 0; start < x.length; start += plane) {
                int c = (start / plane) % channels;
                float mean = stats.mean()[c];
                float std = stats.std()[c];
                for (int i = start; i < start + plane; i++) {
                    out[i] = (x[i] - mean) / std;
                }
            }
        }
        return new Split(out, split.labels());
    }

    private static int planeSize(Split split, int channels) {
        if (channels < 1 || split.sampleSize() % channels != 0) {
            throw new IllegalArgumentException(
                    "images of " + split.sampleSize() + " values do not have " + channels + " equal channels");
        }
        return split.sampleSize() / channels;
    }
}
