package dev.arraysweep.worker.data;

import static dev.arraysweep.worker.data.DataFixtures.cifarRecord;
import static dev.arraysweep.worker.data.DataFixtures.concat;
import static dev.arraysweep.worker.data.DataFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.db.ExitException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

    @TempDir
    Path dir;

    @Test
    void cifar10_readsLabelsAndScaledChwPixels() {
        Path file = write(dir.resolve("data_batch_1.bin"), concat(cifarRecord(0, 3), cifarRecord(100, 9)));

        Split split = CifarReader.read(CifarReader.Format.CIFAR10, List.of(file));

        assertThat(split.count()).isEqualTo(2);
        assertThat(split.sampleSize()).isEqualTo(3072);
        assertThat(split.labels()).containsExactly(3, 9);
        float[] x = split.images();
        assertThat(x[0]).isEqualTo(0f);
        assertThat(x[255]).isCloseTo(1f, within(1e-7f));
        assertThat(x[1024 + 17]).as("green channel follows red").isCloseTo(17 / 255f, within(1e-7f));
        assertThat(x[3072 + 5]).as("second image").isCloseTo(105 / 255f, within(1e-7f));
    }

    @Test
    void cifar100_usesTheFineLabel() {
        Path file = write(dir.resolve("train.bin"), concat(cifarRecord(0, 19, 99), cifarRecord(7, 4, 42)));

        Split split = CifarReader.read(CifarReader.Format.CIFAR100, List.of(file));

        assertThat(split.labels()).containsExactly(99, 42);
        assertThat(split.images()[3072]).isCloseTo(7 / 255f, within(1e-7f));
    }

    @Test
    void severalFiles_areConcatenatedInOrder() {
        Path first = write(dir.resolve("a.bin"), cifarRecord(1, 1));
        Path second = write(dir.resolve("b.bin"), concat(cifarRecord(2, 2), cifarRecord(3, 3)));

        Split split = CifarReader.read(CifarReader.Format.CIFAR10, List.of(first, second));

        assertThat(split.labels()).containsExactly(1, 2, 3);
        assertThat(split.images()[2 * 3072]).isCloseTo(3 / 255f, within(1e-7f));
    }

    @Test
    void partialRecord_namesFileAndRecordSize() {
        Path file = write(dir.resolve("data_batch_1.bin"), Arrays.copyOf(cifarRecord(0, 1), 3000));

        assertThatThrownBy(() -> CifarReader.read(CifarReader.Format.CIFAR10, List.of(file)))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected a whole number of 3073-byte records (1 label byte + 3072 pixel"
                        + " bytes), found 3000 bytes");
    }

    @Test
    void cifar100FileReadAsCifar10_hasTheWrongRecordSize() {
        Path file = write(dir.resolve("train.bin"), cifarRecord(0, 1, 2));

        assertThatThrownBy(() -> CifarReader.read(CifarReader.Format.CIFAR10, List.of(file)))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("3073-byte records")
                .hasMessageContaining("found 3074 bytes");
    }

    @Test
    void cifar10LabelTen_isMislabelled() {
        Path file = write(dir.resolve("test_batch.bin"), concat(cifarRecord(0, 9), cifarRecord(0, 10)));

        assertThatThrownBy(() -> CifarReader.read(CifarReader.Format.CIFAR10, List.of(file)))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(file + " is mislabelled: record 1 (counting from 0) has label 10,"
                        + " expected a label from 0 to 9");
    }

    @Test
    void cifar100FineLabelHundred_isMislabelled() {
        Path file = write(dir.resolve("test.bin"), cifarRecord(0, 3, 100));

        assertThatThrownBy(() -> CifarReader.read(CifarReader.Format.CIFAR100, List.of(file)))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("record 0 (counting from 0) has label 100, expected a label from 0 to 99");
    }

    @Test
    void missingFile_namesTheFile() {
        Path missing = dir.resolve("data_batch_3.bin");

        assertThatThrownBy(() -> CifarReader.read(CifarReader.Format.CIFAR10, List.of(missing)))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(missing + " does not exist");
    }
}
