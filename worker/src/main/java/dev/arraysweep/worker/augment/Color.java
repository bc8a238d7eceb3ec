package dev.arraysweep.worker.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * Brightness, contrast, saturation and hue adjustments of RGB batches (N, 3, H, W) with values in
 * [0, 1], with torchvision's tensor formulas and one factor per sample.
 *
 * <p>Brightness, contrast and saturation blend the image with black, with the mean of its
 * grayscale image, or with its grayscale image: {@code clamp(f * img + (1 - f) * other, 0, 1)};
 * grayscale is {@code 0.2989 R + 0.587 G + 0.114 B}. Hue converts to HSV, adds the factor to H
 * modulo 1 and converts back.
 */
public final class Color {

    private static final float RED = 0.2989f;
    private static final float GREEN = 0.587f;
    private static final float BLUE = 0.114f;

    private Color() {}

    /** {@return torchvision's {@code adjust_brightness} with factor {@code f} for every sample} */
    public static NDArray brightness(NDArray batch, double f) {
        return brightness(batch, filled(batch, f));
    }

    /**
     * {@return the batch scaled towards black by a factor per sample (0 gives black, 1 the image)}
     *
     * @param batch RGB images (N, 3, H, W) in [0, 1]
     * @param factors one non-negative factor per sample
     */
    public static NDArray brightness(NDArray batch, double[] factors) {
        return blend(batch, factors, Reference.BLACK);
    }

    /** {@return torchvision's {@code adjust_contrast} with factor {@code f} for every sample} */
    public static NDArray contrast(NDArray batch, double f) {
        return contrast(batch, filled(batch, f));
    }

    /**
     * {@return the batch blended with the mean of each sample's grayscale image}
     *
     * @param batch RGB images (N, 3, H, W) in [0, 1]
     * @param factors one non-negative factor per sample (0 gives uniform gray, 1 the image)
     */
    public static NDArray contrast(NDArray batch, double[] factors) {
        return blend(batch, factors, Reference.GRAY_MEAN);
    }

    /** {@return torchvision's {@code adjust_saturation} with factor {@code f} for every sample} */
    public static NDArray saturation(NDArray batch, double f) {
        return saturation(batch, filled(batch, f));
    }

    /**
     * {@return the batch blended with each sample's grayscale image}
     *
     * @param batch RGB images (N, 3, H, W) in [0, 1]
     * @param factors one non-negative factor per sample (0 gives grayscale, 1 the image)
     */
    public static NDArray saturation(NDArray batch, double[] factors) {
        return blend(batch, factors, Reference.GRAY);
    }

    /** {@return torchvision's {@code adjust_hue} with factor {@code h} for every sample} */
    public static NDArray hue(NDArray batch, double h) {
        return hue(batch, filled(batch, h));
    }

    /**
     * {@return the batch with each sample's hue shifted by its factor, a fraction of the colour
     * circle in [-0.5, 0.5]}
     *
     * @param batch RGB images (N, 3, H, W) in [0, 1]
     * @param factors one factor per sample
     */
    public static NDArray hue(NDArray batch, double[] factors) {
        Scoped.checkBatch(batch, factors.length);
        for (double h : factors) {
            if (!(h >= -0.5 && h <= 0.5)) {
                throw new IllegalArgumentException("hue factor must be in [-0.5, 0.5], got " + h);
            }
        }
        return Scoped.apply(batch, scope -> shiftHue(batch, Scoped.perSample(scope, toFloats(factors))));
    }

    /** {@return the grayscale image (N, 1, H, W) of an RGB batch, torchvision's {@code rgb_to_grayscale}} */
    public static NDArray grayscale(NDArray batch) {
        return batch.get(":, 0:1")
                .mul(RED)
                .add(batch.get(":, 1:2").mul(GREEN))
                .add(batch.get(":, 2:3").mul(BLUE));
    }

    /** What a blend mixes the image with. */
    enum Reference {
        BLACK,
        GRAY_MEAN,
        GRAY
    }

    /**
     * Blends each sample with its own reference: {@code clamp(f * img + (1 - f) * reference, 0, 1)}
     * with {@code 1 - f} computed in double, as torchvision computes it in Python.
     */
    static NDArray blend(NDArray batch, double[] factors, Reference... references) {
        Scoped.checkBatch(batch, factors.length);
        Reference[] perSample = references.length == 1 ? filledReferences(factors.length, references[0]) : references;
        if (perSample.length != factors.length) {
            throw new IllegalArgumentException("blend needs one reference per sample");
        }
        float[] ratio = new float[factors.length];
        float[] rest = new float[factors.length];
        float[] useGray = new float[factors.length];
        float[] useMean = new float[factors.length];
        boolean needGray = false;
        for (int i = 0; i < factors.length; i++) {
            if (!(factors[i] >= 0) || Double.isInfinite(factors[i])) {
                throw new IllegalArgumentException("blend factor must be finite and >= 0, got " + factors[i]);
            }
            ratio[i] = (float) factors[i];
            rest[i] = (float) (1.0 - factors[i]);
            useGray[i] = perSample[i] == Reference.GRAY ? 1f : 0f;
            useMean[i] = perSample[i] == Reference.GRAY_MEAN ? 1f : 0f;
            needGray |= perSample[i] != Reference.BLACK;
        }
        boolean gray = needGray;
        return Scoped.apply(batch, scope -> {
            NDArray mixed = batch.mul(Scoped.perSample(scope, ratio));
            if (gray) {
                // a sum of the one chosen reference and exact zeros: exactly that reference
                NDArray grayImage = grayscale(batch);
                // DJL's PyTorch mean takes one axis: average the flattened image
                NDArray grayMean = grayImage
                        .reshape(factors.length, -1)
                        .mean(new int[] {1}, true)
                        .reshape(factors.length, 1, 1, 1);
                NDArray reference = grayImage
                        .mul(Scoped.perSample(scope, useGray))
                        .add(grayMean.mul(Scoped.perSample(scope, useMean)));
                mixed = mixed.add(reference.mul(Scoped.perSample(scope, rest)));
            }
            return mixed.clip(0, 1);
        });
    }

    /** torchvision's {@code _rgb2hsv}, hue shift modulo 1, {@code _hsv2rgb}. */
    private static NDArray shiftHue(NDArray img, NDArray shift) {
        NDArray r = img.get(":, 0:1");
        NDArray g = img.get(":, 1:2");
        NDArray b = img.get(":, 2:3");
        NDArray maxc = img.max(new int[] {1}, true);
        NDArray minc = img.min(new int[] {1}, true);
        NDArray equal = maxc.eq(minc);
        NDArray ones = maxc.onesLike();
        NDArray chroma = maxc.sub(minc);
        NDArray s = chroma.div(NDArrays.where(equal, ones, maxc));
        NDArray divisor = NDArrays.where(equal, ones, chroma);
        NDArray rc = maxc.sub(r).div(divisor);
        NDArray gc = maxc.sub(g).div(divisor);
        NDArray bc = maxc.sub(b).div(divisor);
        NDArray isRed = maxc.eq(r);
        NDArray isGreen = maxc.eq(g).logicalAnd(isRed.logicalNot());
        NDArray isBlue = maxc.eq(g).logicalNot().logicalAnd(isRed.logicalNot());
        NDArray hr = asFloat(isRed).mul(bc.sub(gc));
        NDArray hg = asFloat(isGreen).mul(rc.add(2.0f).sub(bc));
        NDArray hb = asFloat(isBlue).mul(gc.add(4.0f).sub(rc));
        NDArray h = hr.add(hg).add(hb).div(6.0f).add(1.0f).mod(1.0f);
        h = h.add(shift).mod(1.0f);

        NDArray h6 = h.mul(6.0f);
        NDArray sector = h6.floor();
        NDArray f = h6.sub(sector);
        NDArray v = maxc;
        NDArray p = v.mul(s.neg().add(1.0f)).clip(0, 1);
        NDArray q = v.mul(s.mul(f).neg().add(1.0f)).clip(0, 1);
        NDArray t = v.mul(s.mul(f.neg().add(1.0f)).neg().add(1.0f)).clip(0, 1);
        NDArray index = sector.mod(6.0f).toType(DataType.INT64, false);
        return NDArrays.concat(
                new NDList(pick(index, v, q, p, p, t, v), pick(index, t, v, v, q, p, p), pick(index, p, p, t, v, v, q)),
                1);
    }

    /** Picks, per pixel, the candidate numbered by {@code index} (N, 1, H, W). */
    private static NDArray pick(NDArray index, NDArray... candidates) {
        return NDArrays.concat(new NDList(candidates), 1).gather(index, 1);
    }

    private static NDArray asFloat(NDArray mask) {
        return mask.toType(DataType.FLOAT32, false);
    }

    private static double[] filled(NDArray batch, double value) {
        double[] values = new double[(int) batch.getShape().get(0)];
        Arrays.fill(values, value);
        return values;
    }

    private static Reference[] filledReferences(int n, Reference reference) {
        Reference[] references = new Reference[n];
        Arrays.fill(references, reference);
        return references;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
