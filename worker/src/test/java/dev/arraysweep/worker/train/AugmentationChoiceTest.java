package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import dev.arraysweep.worker.augment.CifarAugment;
import dev.arraysweep.worker.augment.CropFlip;
import dev.arraysweep.worker.augment.Normalize;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.data.Split;
import dev.arraysweep.worker.spec.DataSpec.Augmentation;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each augmentation choice turns a gathered training batch into model input as its class defines. */
class AugmentationChoiceTest extends ManagedArraysTest {
    private static Dataset cifarShaped() {
        Random rng = new Random(3);
        int n = 8;
        float[] images = new float[n * 3 * 32 * 32];
        for (int i = 0; i < images.length; i++) {
            images[i] = rng.nextFloat();
        }
        int[] labels = new int[n];
        Split split = new Split(images, labels);
        return new Dataset("cifar10", 3, 32, 32, 10, split, split);
    }

    private float[] prepared(TensorSet set, Function<NDArray, NDArray> expected) {
        NDArray x = set.trainImages().get("0:4");
        float[] got = set.prepare(() -> new Random(9)).apply(x).toFloatArray();
        assertThat(got).containsExactly(expected.apply(x).toFloatArray());
        return got;
    }

    @Test
    void everyChoice_augmentsInZeroToOne_thenNormalises() {
        Dataset data = cifarShaped();
        TensorSet none = TensorSet.load(manager, data, Augmentation.NONE);
        TensorSet cropFlip = TensorSet.load(manager, data, Augmentation.CROP_FLIP);
        TensorSet thesis = TensorSet.load(manager, data, Augmentation.THESIS);
        Normalize normalize =
                new Normalize(thesis.stats().mean(), thesis.stats().std());

        assertThat(none.trainImages()).as("normalised up front").isSameAs(none.trainEvalImages());
        prepared(none, x -> x);
        float[] c = prepared(cropFlip, x -> normalize.apply(CropFlip.apply(x, new Random(9))));
        float[] t = prepared(thesis, x -> normalize.apply(CifarAugment.apply(x, new Random(9))));
        assertThat(c).isNotEqualTo(t);
    }
}
