package dev.arraysweep.worker.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flip, affine warp and padded crop against torchvision on the reference image. */
class GeometryTest extends ManagedArraysTest {

    private NDArray image;

    @BeforeEach
    void open() {
        image = ReferenceImage.batch(manager);
    }

    @Test
    void hflip_mirrorsOnlyTheMarkedSamples() {
        ReferenceImage.assertMatches(Geometry.hflip(image, new boolean[] {true}), "hflip", 0);
        ReferenceImage.assertMatches(Geometry.hflip(image, new boolean[] {false}), "image_3x4x4_chw", 0);
    }

    @Test
    void affine90Degrees_isTorchvisionsCounterClockwiseRotation() {
        ReferenceImage.assertMatches(Geometry.affine(image, 90, 0, 0, 1), "affine_angle90_nearest", 0);
        // counter-clockwise quarter turn of each channel: output (i, j) is input (3 - j, i)
        NDArray rot90 = image.transpose(0, 1, 3, 2).flip(3);
        assertThat(Geometry.affine(image, 90, 0, 0, 1).toFloatArray()).containsExactly(rot90.toFloatArray());
    }

    @Test
    void affineTranslateOnePixel_shiftsRightAndFillsZero() {
        ReferenceImage.assertMatches(Geometry.affine(image, 0, 1, 0, 1), "affine_translate_1_0_nearest", 0);
    }

    @Test
    void affineIdentity_changesNothing() {
        ReferenceImage.assertMatches(Geometry.affine(image, 0, 0, 0, 1), "image_3x4x4_chw", 0);
        NDArray full = manager.randomUniform(0, 1, new Shape(2, 3, 32, 32));
        assertThat(Geometry.affine(full, 0, 0, 0, 1).toFloatArray()).containsExactly(full.toFloatArray());
        assertThat(Geometry.affine(full, 360, 0, 0, 1).toFloatArray()).containsExactly(full.toFloatArray());
    }

    @Test
    void paddedCrop_shiftsContentAndFillsZero() {
        ReferenceImage.assertMatches(Geometry.crop(image, 1, 0, 0), "pad1_then_crop_top0_left0_size4", 0);
        ReferenceImage.assertMatches(Geometry.crop(image, 1, 1, 1), "image_3x4x4_chw", 0);
    }

    @Test
    void perSampleParameters_equalOneSampleAtATime() {
        NDArray pair = image.concat(image.mul(0.5f), 0);
        NDArray warped = Geometry.affine(
                pair, new double[] {90, 33}, new double[] {1, -1}, new double[] {0, 2}, new double[] {1, 0.9});
        assertThat(warped.get("1:2").toFloatArray())
                .containsExactly(
                        Geometry.affine(image.mul(0.5f), 33, -1, 2, 0.9).toFloatArray());
        assertThat(warped.get("0:1").toFloatArray())
                .containsExactly(Geometry.affine(image, 90, 1, 0, 1).toFloatArray());

        NDArray cropped = Geometry.crop(pair, 1, new int[] {0, 2}, new int[] {0, 1});
        ReferenceImage.assertMatches(cropped.get("0:1"), "pad1_then_crop_top0_left0_size4", 0);
        assertThat(cropped.get("1:2").toFloatArray())
                .containsExactly(Geometry.crop(image.mul(0.5f), 1, 2, 1).toFloatArray());
    }

    @Test
    void operations_leaveNoIntermediateArraysBehind() {
        NDArray batch = manager.randomUniform(0, 1, new Shape(4, 3, 8, 8));
        int before = manager.getManagedArrays().size();
        Geometry.affine(batch, 30, 1, 1, 1.1);
        Geometry.crop(batch, 2, 1, 3);
        Geometry.hflip(batch, new boolean[] {true, false, true, false});
        assertThat(manager.getManagedArrays()).hasSize(before + 3);
    }

    @Test
    void mismatchedParameterCounts_areRejected() {
        assertThatThrownBy(() -> Geometry.hflip(image, new boolean[] {true, false}))
                .hasMessageContaining("batch has 1 samples but 2 parameters were given");
        assertThatThrownBy(() -> Geometry.crop(image, 1, 3, 0)).hasMessageContaining("outside [0, 2]");
    }
}
