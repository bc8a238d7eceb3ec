package dev.arraysweep.worker.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arraysweep.worker.testing.PytorchReference;

/** The constructed 3x4x4 image of the reference JSON and torchvision's outputs for it. */
final class ReferenceImage {

    static final JsonNode AUGMENTATION = PytorchReference.section("augmentation_torchvision");

    private ReferenceImage() {}

    /** {@return the image as a batch of one, (1, 3, 4, 4)} */
    static NDArray batch(NDManager manager) {
        return expected(manager, "image_3x4x4_chw");
    }

    /** {@return a torchvision output as a batch of one} */
    static NDArray expected(NDManager manager, String key) {
        return manager.create(PytorchReference.flatFloats(AUGMENTATION.get(key)))
                .reshape(1, 3, 4, 4);
    }

    static void assertMatches(NDArray actual, String key, double tolerance) {
        assertThat(actual.getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(1, 3, 4, 4));
        assertThat(actual.toFloatArray())
                .as(key)
                .containsExactly(PytorchReference.flatFloats(AUGMENTATION.get(key)), within((float) tolerance));
    }
}
