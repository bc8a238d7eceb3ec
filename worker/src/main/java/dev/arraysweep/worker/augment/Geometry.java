package dev.arraysweep.worker.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Horizontal flip, affine warp and padded crop of a batch (N, C, H, W), each with its own
 * parameters per sample, with torchvision's semantics.
 *
 * <p>The affine warp and the crop compute, for every output pixel, the source pixel it copies
 * (nearest neighbour) and fetch all of them with one gather; pixels whose source lies outside
 * the image become 0, as with torchvision's {@code fill=0}.
 */
public final class Geometry {

    private Geometry() {}

    /**
     * {@return the batch with the samples marked in {@code flip} mirrored left to right}
     *
     * @param batch images (N, C, H, W)
     * @param flip one flag per sample
     */
    public static NDArray hflip(NDArray batch, boolean[] flip) {
        Scoped.checkBatch(batch, flip.length);
        return Scoped.apply(batch, scope -> {
            // DJL's where does not broadcast
            NDArray mask = scope.create(flip).reshape(flip.length, 1, 1, 1).broadcast(batch.getShape());
            return NDArrays.where(mask, batch.flip(3), batch);
        });
    }

    /**
     * {@return every sample warped like torchvision's {@code F.affine(img, angle, [tx, ty],
     * scale, shear=0, interpolation=NEAREST, fill=0)} about the image centre}
     *
     * @param batch images (N, C, H, W)
     * @param angleDegrees rotation, counter-clockwise
     * @param translateX shift to the right, in pixels
     * @param translateY shift downwards, in pixels
     * @param scale zoom factor
     */
    public static NDArray affine(
            NDArray batch, double angleDegrees, double translateX, double translateY, double scale) {
        int n = (int) batch.getShape().get(0);
        return affine(batch, filled(n, angleDegrees), filled(n, translateX), filled(n, translateY), filled(n, scale));
    }

    /**
     * {@return each sample warped with its own parameters; see {@link #affine(NDArray, double,
     * double, double, double)}}
     *
     * @param batch images (N, C, H, W)
     * @param angleDegrees rotation per sample, counter-clockwise
     * @param translateX shift to the right per sample, in pixels
     * @param translateY shift downwards per sample, in pixels
     * @param scale zoom factor per sample
     */
    public static NDArray affine(
            NDArray batch, double[] angleDegrees, double[] translateX, double[] translateY, double[] scale) {
        int n = angleDegrees.length;
        Scoped.checkBatch(batch, n);
        if (translateX.length != n || translateY.length != n || scale.length != n) {
            throw new IllegalArgumentException("affine needs one angle, translation and scale per sample");
        }
        long h = batch.getShape().get(2);
        long w = batch.getShape().get(3);
        float[] theta = new float[n * 6];
        for (int i = 0; i < n; i++) {
            System.arraycopy(
                    inverseMatrix(angleDegrees[i], translateX[i], translateY[i], scale[i]), 0, theta, i * 6, 6);
        }
        return Scoped.apply(batch, scope -> {
            // torchvision's _gen_affine_grid: pixel centres relative to the image centre times
            // theta^T / (w/2, h/2) give grid_sample coordinates in [-1, 1]
            float[] base = new float[(int) (h * w * 3)];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int k = (int) ((y * w + x) * 3);
                    base[k] = (float) (-w * 0.5 + 0.5 + x);
                    base[k + 1] = (float) (-h * 0.5 + 0.5 + y);
                    base[k + 2] = 1f;
                }
            }
            NDArray rescaled = scope.create(theta, new Shape(n, 2, 3))
                    .transpose(0, 2, 1)
                    .div(scope.create(new float[] {w * 0.5f, h * 0.5f}));
            NDArray grid = scope.create(base, new Shape(1, h * w, 3)).matMul(rescaled);
            // grid_sample(align_corners=False, mode="nearest") on the CPU: (g + 1) * size / 2 - 0.5,
            // rounded half to even
            NDArray col = grid.get(":, :, 0").add(1).mul(w * 0.5f).sub(0.5f).round();
            NDArray row = grid.get(":, :, 1").add(1).mul(h * 0.5f).sub(0.5f).round();
            return gather(batch, row, col);
        });
    }

    /**
     * {@return torchvision's {@code RandomCrop(size=(H, W), padding)} with a given window: every
     * sample is padded with {@code padding} zeros on each side and the H x W window whose top-left
     * corner is at ({@code top}, {@code left}) of the padded image is kept}
     *
     * @param batch images (N, C, H, W)
     * @param padding zeros added on each side
     * @param top first row of the window per sample, in [0, 2 * padding]
     * @param left first column of the window per sample, in [0, 2 * padding]
     */
    public static NDArray crop(NDArray batch, int padding, int[] top, int[] left) {
        int n = top.length;
        Scoped.checkBatch(batch, n);
        if (left.length != n) {
            throw new IllegalArgumentException("crop needs one top and one left offset per sample");
        }
        long h = batch.getShape().get(2);
        long w = batch.getShape().get(3);
        float[] rowShift = new float[n];
        float[] colShift = new float[n];
        for (int i = 0; i < n; i++) {
            if (top[i] < 0 || top[i] > 2 * padding || left[i] < 0 || left[i] > 2 * padding) {
                throw new IllegalArgumentException("crop window (" + top[i] + ", " + left[i] + ") outside [0, "
                        + 2 * padding + "] for padding " + padding);
            }
            rowShift[i] = top[i] - padding;
            colShift[i] = left[i] - padding;
        }
        return Scoped.apply(batch, scope -> {
            NDArray rows = scope.arange(0f, (float) h)
                    .reshape(1, h, 1)
                    .add(scope.create(rowShift).reshape(n, 1, 1));
            NDArray cols = scope.arange(0f, (float) w)
                    .reshape(1, 1, w)
                    .add(scope.create(colShift).reshape(n, 1, 1));
            Shape full = new Shape(n, h, w);
            return gather(
                    batch,
                    rows.broadcast(full).reshape(n, h * w),
                    cols.broadcast(full).reshape(n, h * w));
        });
    }

    /**
     * {@return {@link #crop(NDArray, int, int[], int[])} with the same window for every sample}
     *
     * @param batch images (N, C, H, W)
     * @param padding zeros added on each side
     * @param top first row of the window, in [0, 2 * padding]
     * @param left first column of the window, in [0, 2 * padding]
     */
    public static NDArray crop(NDArray batch, int padding, int top, int left) {
        int n = (int) batch.getShape().get(0);
        int[] tops = new int[n];
        int[] lefts = new int[n];
        Arrays.fill(tops, top);
        Arrays.fill(lefts, left);
        return crop(batch, padding, tops, lefts);
    }

    /**
     * Copies for every output pixel the source pixel (row, col), given as whole numbers in float
     * arrays (N, H*W); sources outside the image give 0.
     */
    private static NDArray gather(NDArray batch, NDArray row, NDArray col) {
        Shape shape = batch.getShape();
        long n = shape.get(0);
        long c = shape.get(1);
        long h = shape.get(2);
        long w = shape.get(3);
        NDManager scope = row.getManager();
        NDArray inside =
                row.gte(0).logicalAnd(row.lte(h - 1)).logicalAnd(col.gte(0)).logicalAnd(col.lte(w - 1));
        // index h*w points at an extra zero pixel appended to every channel
        NDArray source = NDArrays.where(inside, row.mul(w).add(col), scope.full(row.getShape(), h * w))
                .toType(DataType.INT64, false);
        NDArray pixels = batch.reshape(n, c, h * w).concat(scope.zeros(new Shape(n, c, 1), batch.getDataType()), 2);
        NDArray index = source.reshape(n, 1, h * w).broadcast(n, c, h * w);
        return pixels.gather(index, 2).reshape(shape);
    }

    /**
     * torchvision's {@code _get_inverse_affine_matrix} for centre (0, 0) and no shear: the map
     * from output to source pixel coordinates, as float32 like torchvision's theta.
     */
    private static float[] inverseMatrix(double angleDegrees, double tx, double ty, double scale) {
        double rot = Math.toRadians(angleDegrees);
        double cos = Math.cos(rot);
        double sin = Math.sin(rot);
        double[] m = {cos / scale, sin / scale, 0, -sin / scale, cos / scale, 0};
        m[2] += m[0] * -tx + m[1] * -ty;
        m[5] += m[3] * -tx + m[4] * -ty;
        float[] theta = new float[6];
        for (int i = 0; i < 6; i++) {
            theta[i] = (float) m[i];
        }
        return theta;
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }
}
