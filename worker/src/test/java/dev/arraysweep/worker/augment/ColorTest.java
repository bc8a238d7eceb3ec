package dev.arraysweep.worker.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Brightness, contrast, saturation and hue against torchvision on the reference image. */
class ColorTest extends ManagedArraysTest {

    private NDArray image;

    @BeforeEach
    void open() {
        image = ReferenceImage.batch(manager);
    }

    @Test
    void brightness_matchesTorchvisionAndZeroIsBlack() {
        ReferenceImage.assertMatches(Color.brightness(image, 0.5), "brightness_0.5", 0);
        assertThat(Color.brightness(image, 0).toFloatArray()).containsOnly(0f);
        assertThat(Color.brightness(image, 1.5).max().getFloat()).isEqualTo(1f);
    }

    @Test
    void contrast_matchesTorchvision() {
        ReferenceImage.assertMatches(Color.contrast(image, 0.5), "contrast_0.5", 1e-7);
    }

    @Test
    void saturation_matchesTorchvision() {
        ReferenceImage.assertMatches(Color.saturation(image, 0.5), "saturation_0.5", 1e-7);
    }

    @Test
    void hue_matchesTorchvision() {
        ReferenceImage.assertMatches(Color.hue(image, 0.05), "hue_0.05", 1e-6);
    }

    @Test
    void hueZero_changesNothing() {
        ReferenceImage.assertMatches(Color.hue(image, 0), "image_3x4x4_chw", 1e-6);
        NDArray random = manager.randomUniform(0, 1, new Shape(4, 3, 8, 8));
        float[] original = random.toFloatArray();
        float[] roundTrip = Color.hue(random, 0).toFloatArray();
        for (int i = 0; i < original.length; i++) {
            assertThat(roundTrip[i]).isCloseTo(original[i], within(1e-6f));
        }
    }

    @Test
    void factorsOne_areExactIdentities() {
        NDArray random = manager.randomUniform(0, 1, new Shape(2, 3, 5, 5));
        assertThat(Color.brightness(random, 1).toFloatArray()).containsExactly(random.toFloatArray());
        assertThat(Color.contrast(random, 1).toFloatArray()).containsExactly(random.toFloatArray());
        assertThat(Color.saturation(random, 1).toFloatArray()).containsExactly(random.toFloatArray());
    }

    @Test
    void perSampleFactors_applyToTheirOwnSample() {
        NDArray pair = image.concat(image.flip(3), 0);
        NDArray out = Color.hue(pair, new double[] {0.05, -0.2});
        ReferenceImage.assertMatches(out.get("0:1"), "hue_0.05", 1e-6);
        assertThat(out.get("1:2").toFloatArray())
                .containsExactly(Color.hue(image.flip(3), -0.2).toFloatArray());
        NDArray darker = Color.brightness(pair, new double[] {0.5, 0});
        ReferenceImage.assertMatches(darker.get("0:1"), "brightness_0.5", 0);
        assertThat(darker.get("1:2").toFloatArray()).containsOnly(0f);
    }

    @Test
    void badFactors_areRejectedWithTheValue() {
        assertThatThrownBy(() -> Color.hue(image, 0.7)).hasMessageContaining("[-0.5, 0.5], got 0.7");
        assertThatThrownBy(() -> Color.contrast(image, -1)).hasMessageContaining("got -1.0");
    }
}
