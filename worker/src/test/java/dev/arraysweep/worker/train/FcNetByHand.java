package dev.arraysweep.worker.train;

/**
 * FCNet's forward pass and the gradient of its weighted mean cross-entropy, written out in double precision
 * without any tensor library, so that a training step through DJL can be checked against it.
 *
 * <p>Parameters use DJL's Linear layout: {@code w1} is (hidden, in), {@code w2} is (classes, hidden), both
 * flattened row-major; logits are {@code w2 . relu(w1 . x + b1) + b2}.
 */
final class FcNetByHand {
    private final int in;
    private final int hidden;
    private final int classes;
    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private final double[] b2;

    FcNetByHand(int in, int hidden, int classes, float[] w1, float[] b1, float[] w2, float[] b2) {
        if (w1.length != hidden * in || b1.length != hidden || w2.length != classes * hidden || b2.length != classes) {
            throw new IllegalArgumentException("parameter sizes do not fit " + in + "-" + hidden + "-" + classes);
        }
        this.in = in;
        this.hidden = hidden;
        this.classes = classes;
        this.w1 = toDouble(w1);
        this.b1 = toDouble(b1);
        this.w2 = toDouble(w2);
        this.b2 = toDouble(b2);
    }

    /**
     * {@return the gradients of {@code mean_i(weight_i * crossEntropy_i)} over the {@code labels.length} samples
     * in {@code x} (row-major, {@code in} values per sample), as {w1, b1, w2, b2}}
     */
    double[][] gradient(float[] x, int[] labels, double[] weight) {
        int n = labels.length;
        double[] gw1 = new double[w1.length];
        double[] gb1 = new double[hidden];
        double[] gw2 = new double[w2.length];
        double[] gb2 = new double[classes];
        for (int s = 0; s < n; s++) {
            double[] h = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double a = b1[j];
                for (int k = 0; k < in; k++) {
                    a += w1[j * in + k] * x[s * in + k];
                }
                h[j] = Math.max(0, a);
            }
            double[] z = new double[classes];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double a = b2[c];
                for (int j = 0; j < hidden; j++) {
                    a += w2[c * hidden + j] * h[j];
                }
                z[c] = a;
                max = Math.max(max, a);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z[c] - max);
            }
            // d(w_s * CE_s / n)/dz = w_s / n * (softmax - onehot)
            double scale = weight[s] / n;
            double[] dz = new double[classes];
            for (int c = 0; c < classes; c++) {
                dz[c] = scale * (Math.exp(z[c] - max) / sum - (c == labels[s] ? 1 : 0));
            }
            double[] dh = new double[hidden];
            for (int c = 0; c < classes; c++) {
                gb2[c] += dz[c];
                for (int j = 0; j < hidden; j++) {
                    gw2[c * hidden + j] += dz[c] * h[j];
                    dh[j] += dz[c] * w2[c * hidden + j];
                }
            }
            for (int j = 0; j < hidden; j++) {
                if (h[j] <= 0) {
                    continue; // ReLU passes no gradient where it is off
                }
                gb1[j] += dh[j];
                for (int k = 0; k < in; k++) {
                    gw1[j * in + k] += dh[j] * x[s * in + k];
                }
            }
        }
        return new double[][] {gw1, gb1, gw2, gb2};
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
