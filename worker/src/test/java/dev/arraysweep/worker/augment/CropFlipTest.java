package dev.arraysweep.worker.augment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seed 002's random crop (padding 4 with zeros, a window of the image's size) and horizontal flip. */
class CropFlipTest extends ManagedArraysTest {
    /** One 4x4 image with the values 1 to 16, row by row. */
    private NDArray image() {
        float[] values = new float[16];
        for (int i = 0; i < 16; i++) {
            values[i] = i + 1;
        }
        return manager.create(values, new Shape(1, 1, 4, 4));
    }

    @Test
    void centredWindow_withoutFlip_isTheImage() {
        assertThat(CropFlip.apply(image(), new int[] {4}, new int[] {4}, new boolean[] {false})
                        .toFloatArray())
                .containsExactly(image().toFloatArray());
    }

    @Test
    void windowOneDownOneLeft_shiftsTheContent_andFillsZeros() {
        // window at row 5, column 3 of the padded image: output (i, j) is input (i + 1, j - 1), 0 outside
        assertThat(CropFlip.apply(image(), new int[] {5}, new int[] {3}, new boolean[] {false})
                        .toFloatArray())
                .containsExactly(0, 5, 6, 7, 0, 9, 10, 11, 0, 13, 14, 15, 0, 0, 0, 0);
    }

    @Test
    void flip_mirrorsTheCroppedWindow() {
        assertThat(CropFlip.apply(image(), new int[] {5}, new int[] {3}, new boolean[] {true})
                        .toFloatArray())
                .containsExactly(7, 6, 5, 0, 11, 10, 9, 0, 15, 14, 13, 0, 0, 0, 0, 0);
    }

    @Test
    void cornerWindowOfACifarImage_keeps28By28Pixels_andFourZeroRowsAndColumns() {
        NDArray ones = manager.ones(new Shape(1, 3, 32, 32));
        NDArray out = CropFlip.apply(ones, new int[] {0}, new int[] {0}, new boolean[] {false});
        assertThat(out.getShape()).isEqualTo(new Shape(1, 3, 32, 32));
        assertThat(out.sum().getFloat()).isEqualTo(3 * 28 * 28);
        assertThat(out.get("0, :, :4, :").sum().getFloat()).isZero();
        assertThat(out.get("0, :, :, :4").sum().getFloat()).isZero();
        assertThat(out.get("0, :, 4:, 4:").sum().getFloat()).isEqualTo(3 * 28 * 28);
    }

    @Test
    void randomDecisions_areTopLeftThenFlipPerSample_andReproducible() {
        NDArray batch = manager.randomUniform(0, 1, new Shape(6, 3, 32, 32));
        Random rng = new Random(42);
        int[] top = new int[6];
        int[] left = new int[6];
        boolean[] flip = new boolean[6];
        for (int i = 0; i < 6; i++) {
            top[i] = rng.nextInt(9);
            left[i] = rng.nextInt(9);
            flip[i] = rng.nextDouble() < 0.5;
        }
        float[] expected = CropFlip.apply(batch, top, left, flip).toFloatArray();
        assertThat(CropFlip.apply(batch, new Random(42)).toFloatArray()).containsExactly(expected);
        assertThat(CropFlip.apply(batch, new Random(43)).toFloatArray()).isNotEqualTo(expected);
    }

    @Test
    void everyWindowAndBothFlips_areDrawn() {
        int n = 2000;
        NDArray copies = manager.zeros(new Shape(n, 1, 9, 9));
        copies.set(new NDIndex(":, 0, 4, 2"), 1f); // a single bright pixel left of the centre
        float[] out = CropFlip.apply(copies, new Random(1)).toFloatArray();
        Set<Integer> positions = new HashSet<>();
        for (int k = 0; k < out.length; k++) {
            if (out[k] == 1f) {
                positions.add(k % 81);
            }
        }
        // the pixel lands on rows 0..8 (one per window row) and, unflipped, on columns 0..6 (windows further
        // right crop it away), flipped on columns 2..8: 81 places, columns 0-1 only without the flip, 7-8 only with
        // it
        assertThat(positions).hasSize(81);
    }
}
