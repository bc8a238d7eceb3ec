package dev.arraysweep.worker.data;

import static dev.arraysweep.worker.data.DataFixtures.cifarRecord;
import static dev.arraysweep.worker.data.DataFixtures.concat;
import static dev.arraysweep.worker.data.DataFixtures.gzip;
import static dev.arraysweep.worker.data.DataFixtures.idxImages;
import static dev.arraysweep.worker.data.DataFixtures.idxLabels;
import static dev.arraysweep.worker.data.DataFixtures.mnistPixel;
import static dev.arraysweep.worker.data.DataFixtures.mnistPixels;
import static dev.arraysweep.worker.data.DataFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void mnistLike_isPaddedTo32x32AndScaled() {
        writeMnist(dir, 3, 2);

        Dataset data = Datasets.load("mnist", dir);

        assertThat(data.channels()).isEqualTo(1);
        assertThat(data.height()).isEqualTo(32);
        assertThat(data.width()).isEqualTo(32);
        assertThat(data.numClasses()).isEqualTo(10);
        assertThat(data.train().count()).isEqualTo(3);
        assertThat(data.test().count()).isEqualTo(2);
        assertThat(data.train().labels()).containsExactly(0, 1, 2);
        float[] x = data.train().images();
        assertThat(x).hasSize(3 * 32 * 32);
        for (int n = 0; n < 3; n++) {
            for (int r = 0; r < 32; r++) {
                for (int c = 0; c < 32; c++) {
                    boolean border = r < 2 || r >= 30 || c < 2 || c >= 30;
                    float expected = border ? 0f : mnistPixel(n, r - 2, c - 2) / 255f;
                    assertThat(x[(n * 32 + r) * 32 + c])
                            .as("image %d at %d,%d", n, r, c)
                            .isCloseTo(expected, within(1e-7f));
                }
            }
        }
        assertThat(data.isNormalized()).isFalse();
    }

    @Test
    void fashionMnist_missingDirectory_pointsAtTheDebianPackage() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> Datasets.load("fashion-mnist", missing))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessageContaining("data directory " + missing + " for fashion-mnist does not exist")
                .hasMessageContaining("`apt-get install dataset-fashion-mnist` provides the files in"
                        + " /usr/share/datasets/fashion-mnist");
    }

    @Test
    void missingIdxFile_namesPlainAndGzippedCandidates() {
        writeMnist(dir, 1, 1);
        delete(dir.resolve("t10k-labels-idx1-ubyte"));

        assertThatThrownBy(() -> Datasets.load("fashion-mnist", dir))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("missing data file: expected " + dir.resolve("t10k-labels-idx1-ubyte") + " or "
                        + dir.resolve("t10k-labels-idx1-ubyte.gz"))
                .hasMessageContaining("apt-get install dataset-fashion-mnist");
    }

    @Test
    void idxImagesThatAreNot28x28_areRejected() {
        writeMnist(dir, 1, 1);
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(1, 2, 2, new byte[4])));

        assertThatThrownBy(() -> Datasets.load("mnist", dir))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("has images of 2x2 pixels, expected 28x28");
    }

    @Test
    void cifar10_readsFiveTrainingBatchesAndTheTestBatch() {
        for (int i = 1; i <= 5; i++) {
            write(dir.resolve("data_batch_" + i + ".bin"), concat(cifarRecord(i, i), cifarRecord(0, 0)));
        }
        write(dir.resolve("test_batch.bin"), cifarRecord(9, 9));

        Dataset data = Datasets.load("cifar10", dir);

        assertThat(data.channels()).isEqualTo(3);
        assertThat(data.numClasses()).isEqualTo(10);
        assertThat(data.train().labels()).containsExactly(1, 0, 2, 0, 3, 0, 4, 0, 5, 0);
        assertThat(data.test().labels()).containsExactly(9);
        assertThat(data.test().images()[0]).isCloseTo(9 / 255f, within(1e-7f));
    }

    @Test
    void cifar100_acceptsTheArchiveFolder() {
        Path folder = dir.resolve("cifar-100-binary");
        write(folder.resolve("train.bin"), concat(cifarRecord(0, 1, 80), cifarRecord(0, 2, 81)));
        write(folder.resolve("test.bin"), cifarRecord(0, 3, 99));

        Dataset data = Datasets.load("cifar100", dir);

        assertThat(data.numClasses()).isEqualTo(100);
        assertThat(data.train().labels()).containsExactly(80, 81);
        assertThat(data.test().labels()).containsExactly(99);
    }

    @Test
    void cifar10MissingBatch_listsTheExpectedFiles() {
        write(dir.resolve("data_batch_1.bin"), cifarRecord(0, 0));

        assertThatThrownBy(() -> Datasets.load("cifar10", dir))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("missing data file " + dir.resolve("data_batch_2.bin"))
                .hasMessageContaining("data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin,"
                        + " data_batch_5.bin, test_batch.bin");
    }

    @Test
    void unknownName_listsTheValidNames() {
        assertThatThrownBy(() -> Datasets.load("imagenet", dir))
                .isInstanceOf(ExitException.class)
                .hasMessage("unknown dataset 'imagenet': expected one of mnist, fashion-mnist, cifar10, cifar100.");
    }

    @Test
    void debianFashionMnist_loadsWhenInstalled() {
        Path installed = Require.fashionMnist();

        Dataset data = Datasets.load("fashion-mnist", installed);

        assertThat(data.train().count()).isEqualTo(60_000);
        assertThat(data.test().count()).isEqualTo(10_000);
        assertThat(data.sampleSize()).isEqualTo(32 * 32);
        assertThat(Arrays.stream(data.train().labels()).distinct().count()).isEqualTo(10);
        float[] first = Arrays.copyOf(data.train().images(), 32 * 32);
        assertThat(first[0]).as("padding").isEqualTo(0f);
        float max = 0;
        for (float v : first) {
            max = Math.max(max, v);
        }
        assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.5f);
    }

    /** Writes MNIST files: gzipped training files, plain test files, labels {@code i % 10}. */
    private static void writeMnist(Path dir, int train, int test) {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(train, 28, 28, mnistPixels(train))));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(labels(train))));
        write(dir.resolve("t10k-images-idx3-ubyte"), idxImages(test, 28, 28, mnistPixels(test)));
        write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(labels(test)));
    }

    private static int[] labels(int count) {
        int[] labels = new int[count];
        Arrays.setAll(labels, i -> i % 10);
        return labels;
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
