package dev.arraysweep.worker.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The composed CIFAR augmentation: per-sample randomness, reproducibility and composition. */
class CifarAugmentTest extends ManagedArraysTest {

    private NDArray images(int n) {
        manager.getEngine().setRandomSeed(11);
        return manager.randomUniform(0, 1, new Shape(n, 3, 32, 32));
    }

    @Test
    void sameSeed_givesTheSameOutput() {
        NDArray batch = images(6);
        NDArray first = CifarAugment.apply(batch, new Random(42));
        NDArray second = CifarAugment.apply(batch, new Random(42));
        NDArray other = CifarAugment.apply(batch, new Random(43));
        assertThat(second.toFloatArray()).containsExactly(first.toFloatArray());
        assertThat(other.toFloatArray()).isNotEqualTo(first.toFloatArray());
        assertThat(first.getShape()).isEqualTo(batch.getShape());
        assertThat(first.min().getFloat()).isGreaterThanOrEqualTo(0f);
        assertThat(first.max().getFloat()).isLessThanOrEqualTo(1f);
    }

    @Test
    void decisions_differFromSampleToSample() {
        Random rng = new Random(5);
        List<SampleDraw> draws = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            draws.add(CifarAugment.draw(rng, 32, 32));
        }
        assertThat(draws.stream().map(SampleDraw::flip).distinct()).containsExactlyInAnyOrder(true, false);
        assertThat(draws.stream().map(d -> d.jitter().order()).distinct().count())
                .isGreaterThan(1);
        assertThat(draws.stream()
                        .mapToDouble(SampleDraw::angleDegrees)
                        .distinct()
                        .count())
                .isEqualTo(16);

        // sixteen copies of one image come out as sixteen different images
        NDArray copies = images(1).repeat(0, 16);
        NDArray out = CifarAugment.apply(copies, new Random(5));
        Set<List<Float>> distinct = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            float[] sample = out.get(i).toFloatArray();
            List<Float> values = new ArrayList<>();
            for (float v : sample) {
                values.add(v);
            }
            distinct.add(values);
        }
        assertThat(distinct).hasSize(16);
    }

    @Test
    void draws_coverTorchvisionsRanges() {
        Random rng = new Random(1);
        Set<Integer> shifts = new HashSet<>();
        Set<Integer> windows = new HashSet<>();
        int flips = 0;
        for (int i = 0; i < 2000; i++) {
            SampleDraw d = CifarAugment.draw(rng, 32, 32);
            flips += d.flip() ? 1 : 0;
            shifts.add(d.translateX());
            shifts.add(d.translateY());
            windows.add(d.cropTop());
            windows.add(d.cropLeft());
            assertThat(d.angleDegrees()).isBetween(-180.0, 180.0);
            assertThat(d.scale()).isBetween(0.9, 1.1);
            assertThat(d.jitter().brightness()).isBetween(0.5, 1.5);
            assertThat(d.jitter().hue()).isBetween(-0.05, 0.05);
        }
        assertThat(shifts).containsExactlyInAnyOrder(-3, -2, -1, 0, 1, 2, 3);
        assertThat(windows).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(flips).isBetween(900, 1100);
    }

    @Test
    void randomState_canBeCheckpointedAndResumed() throws IOException, ClassNotFoundException {
        NDArray batch = images(4);
        Random rng = new Random(9);
        CifarAugment.apply(batch, rng);
        Random resumed = roundTrip(rng);
        NDArray expected = CifarAugment.apply(batch, rng);
        assertThat(CifarAugment.apply(batch, resumed).toFloatArray()).containsExactly(expected.toFloatArray());
    }

    @Test
    void composition_isFlipThenAffineThenCropThenJitter() {
        NDArray batch = images(3);
        Random rng = new Random(21);
        List<SampleDraw> draws =
                List.of(CifarAugment.draw(rng, 32, 32), CifarAugment.draw(rng, 32, 32), CifarAugment.draw(rng, 32, 32));
        NDArray out = CifarAugment.apply(batch, draws);
        for (int i = 0; i < draws.size(); i++) {
            SampleDraw d = draws.get(i);
            NDArray x = batch.get(i + ":" + (i + 1));
            x = Geometry.hflip(x, new boolean[] {d.flip()});
            x = Geometry.affine(x, d.angleDegrees(), d.translateX(), d.translateY(), d.scale());
            x = Geometry.crop(x, CifarAugment.PADDING, d.cropTop(), d.cropLeft());
            x = sequentialJitter(x, d.jitter());
            assertThat(out.get(i + ":" + (i + 1)).toFloatArray())
                    .as("sample %d", i)
                    .containsExactly(x.toFloatArray());
        }
    }

    @Test
    void jitter_appliesEachSamplesOwnOrder() {
        NDArray batch = images(4);
        List<JitterParams> params = List.of(
                new JitterParams(
                        List.of(ColorOp.HUE, ColorOp.BRIGHTNESS, ColorOp.CONTRAST, ColorOp.SATURATION),
                        1.4,
                        0.6,
                        1.3,
                        0.04),
                new JitterParams(
                        List.of(ColorOp.BRIGHTNESS, ColorOp.HUE, ColorOp.SATURATION, ColorOp.CONTRAST),
                        0.7,
                        1.2,
                        0.5,
                        -0.03),
                new JitterParams(
                        List.of(ColorOp.SATURATION, ColorOp.CONTRAST, ColorOp.BRIGHTNESS, ColorOp.HUE),
                        1.1,
                        1.5,
                        0.8,
                        0.01),
                new JitterParams(
                        List.of(ColorOp.HUE, ColorOp.CONTRAST, ColorOp.SATURATION, ColorOp.BRIGHTNESS),
                        0.9,
                        0.5,
                        1.5,
                        -0.05));
        NDArray out = ColorJitter.apply(batch, params);
        for (int i = 0; i < params.size(); i++) {
            NDArray expected = sequentialJitter(batch.get(i + ":" + (i + 1)), params.get(i));
            assertThat(out.get(i + ":" + (i + 1)).toFloatArray())
                    .as("sample %d", i)
                    .containsExactly(expected.toFloatArray());
        }
    }

    @Test
    void apply_leavesOnlyItsResult() {
        NDArray batch = images(4);
        int before = manager.getManagedArrays().size();
        CifarAugment.apply(batch, new Random(2));
        assertThat(manager.getManagedArrays()).hasSize(before + 1);
    }

    @Test
    void apply_rejectsWhatIsNotAnRgbFloatBatch() {
        assertThatThrownBy(() -> CifarAugment.apply(manager.zeros(new Shape(2, 1, 28, 28)), new Random(1)))
                .hasMessageContaining("expected RGB images (N, 3, H, W), got shape (2, 1, 28, 28)");
    }

    @Test
    void normalize_subtractsMeanAndDividesByStdPerChannel() {
        NDArray ones = manager.ones(new Shape(1, 3, 2, 2));
        NDArray out = new Normalize(new float[] {0.5f, 0f, 1f}, new float[] {0.25f, 2f, 1f}).apply(ones);
        assertThat(out.get("0, 0").toFloatArray()).containsOnly(2f);
        assertThat(out.get("0, 1").toFloatArray()).containsOnly(0.5f);
        assertThat(out.get("0, 2").toFloatArray()).containsOnly(0f);
    }

    /** torchvision's ColorJitter.forward for one image: the adjustments one after the other. */
    private static NDArray sequentialJitter(NDArray image, JitterParams p) {
        NDArray x = image;
        for (ColorOp op : p.order()) {
            x = switch (op) {
                case BRIGHTNESS -> Color.brightness(x, p.brightness());
                case CONTRAST -> Color.contrast(x, p.contrast());
                case SATURATION -> Color.saturation(x, p.saturation());
                case HUE -> Color.hue(x, p.hue());
            };
        }
        return x;
    }

    private static Random roundTrip(Random rng) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rng);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Random) in.readObject();
        }
    }
}
