package dev.arraysweep.worker.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The thesis' CIFAR training augmentation: flip, affine warp, padded crop and colour jitter, with
 * a fresh random decision per sample, batched on the batch's device.
 *
 * <p>Equivalent, per sample, to torchvision's {@code RandomHorizontalFlip(0.5)},
 * {@code RandomAffine(degrees=180, translate=(0.1, 0.1), scale=(0.9, 1.1))} (nearest, fill 0),
 * {@code RandomCrop(32, padding=4)} and {@code ColorJitter(0.5, 0.5, 0.5, 0.05)}, in that order.
 * Input images must be in [0, 1] and not yet normalised (see {@link Normalize}).
 */
public final class CifarAugment {

    /** RandomAffine's {@code degrees}: the angle is uniform in [-180, 180]. */
    public static final double DEGREES = 180;
    /** RandomAffine's {@code translate}: the shift is up to this fraction of the width and height. */
    public static final double TRANSLATE = 0.1;
    /** RandomAffine's {@code scale} range. */
    public static final double SCALE_MIN = 0.9;
    /** RandomAffine's {@code scale} range. */
    public static final double SCALE_MAX = 1.1;
    /** RandomCrop's {@code padding}. */
    public static final int PADDING = 4;
    /** ColorJitter's brightness, contrast and saturation: factors uniform in [0.5, 1.5]. */
    public static final double BLEND_JITTER = 0.5;
    /** ColorJitter's hue: shift uniform in [-0.05, 0.05]. */
    public static final double HUE_JITTER = 0.05;

    private CifarAugment() {}

    /**
     * {@return the augmented batch, drawing every sample's decisions from {@code rng}}
     *
     * @param batch RGB images (N, 3, H, W), float32, values in [0, 1]
     * @param rng the source of randomness; the same state gives the same output
     */
    public static NDArray apply(NDArray batch, Random rng) {
        if (batch.getShape().dimension() != 4 || batch.getShape().get(1) != 3) {
            throw new IllegalArgumentException("expected RGB images (N, 3, H, W), got shape " + batch.getShape());
        }
        if (batch.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("expected float32 images in [0, 1], got " + batch.getDataType());
        }
        int n = (int) batch.getShape().get(0);
        int height = (int) batch.getShape().get(2);
        int width = (int) batch.getShape().get(3);
        List<SampleDraw> draws = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            draws.add(draw(rng, height, width));
        }
        return apply(batch, draws);
    }

    /**
     * {@return the batch augmented with given decisions, one per sample}
     *
     * @param batch RGB images (N, 3, H, W), float32, values in [0, 1]
     * @param draws the decisions of each sample
     */
    public static NDArray apply(NDArray batch, List<SampleDraw> draws) {
        int n = draws.size();
        Scoped.checkBatch(batch, n);
        boolean[] flip = new boolean[n];
        double[] angle = new double[n];
        double[] tx = new double[n];
        double[] ty = new double[n];
        double[] scale = new double[n];
        int[] top = new int[n];
        int[] left = new int[n];
        List<JitterParams> jitter = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SampleDraw d = draws.get(i);
            flip[i] = d.flip();
            angle[i] = d.angleDegrees();
            tx[i] = d.translateX();
            ty[i] = d.translateY();
            scale[i] = d.scale();
            top[i] = d.cropTop();
            left[i] = d.cropLeft();
            jitter.add(d.jitter());
        }
        return Scoped.apply(batch, scope -> {
            NDArray out = Geometry.hflip(batch, flip);
            out = Geometry.affine(out, angle, tx, ty, scale);
            out = Geometry.crop(out, PADDING, top, left);
            return ColorJitter.apply(out, jitter);
        });
    }

    /**
     * {@return one sample's decisions, drawn in torchvision's order (flip; angle, translation,
     * scale; crop window; jitter order and factors) with torchvision's distributions}
     *
     * @param rng the source of randomness
     * @param height the image height
     * @param width the image width
     */
    public static SampleDraw draw(Random rng, int height, int width) {
        boolean flip = rng.nextDouble() < 0.5;
        double angle = uniform(rng, -DEGREES, DEGREES);
        double maxDx = TRANSLATE * width;
        double maxDy = TRANSLATE * height;
        // Python's round(): half to even
        int tx = (int) Math.rint(uniform(rng, -maxDx, maxDx));
        int ty = (int) Math.rint(uniform(rng, -maxDy, maxDy));
        double scale = uniform(rng, SCALE_MIN, SCALE_MAX);
        int top = rng.nextInt(2 * PADDING + 1);
        int left = rng.nextInt(2 * PADDING + 1);
        List<ColorOp> order = new ArrayList<>(List.of(ColorOp.values()));
        Collections.shuffle(order, rng);
        double brightness = uniform(rng, 1 - BLEND_JITTER, 1 + BLEND_JITTER);
        double contrast = uniform(rng, 1 - BLEND_JITTER, 1 + BLEND_JITTER);
        double saturation = uniform(rng, 1 - BLEND_JITTER, 1 + BLEND_JITTER);
        double hue = uniform(rng, -HUE_JITTER, HUE_JITTER);
        return new SampleDraw(
                flip, angle, tx, ty, scale, top, left, new JitterParams(order, brightness, contrast, saturation, hue));
    }

    private static double uniform(Random rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }
}
