package dev.arraysweep.worker.data;

import static dev.arraysweep.worker.data.DataFixtures.gzip;
import static dev.arraysweep.worker.data.DataFixtures.idxImages;
import static dev.arraysweep.worker.data.DataFixtures.idxLabels;
import static dev.arraysweep.worker.data.DataFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, 10, 20, 30, 40, 50, (byte) 255};

    @TempDir
    Path dir;

    @Test
    void plainImages_readWithDimensionsAndUnsignedPixels() {
        Path file = write(dir.resolve("images"), idxImages(2, 2, 3, PIXELS));

        IdxReader.Images images = IdxReader.readImages(file);

        assertThat(images.count()).isEqualTo(2);
        assertThat(images.rows()).isEqualTo(2);
        assertThat(images.cols()).isEqualTo(3);
        assertThat(images.pixels()).containsExactly(PIXELS);
        assertThat(images.pixels()[11] & 0xFF).isEqualTo(255);
    }

    @Test
    void gzippedFile_isRecognisedByItsBytesNotItsName() {
        Path gzippedWithoutSuffix = write(dir.resolve("labels"), gzip(idxLabels(3, 1, 4)));
        Path plainWithSuffix = write(dir.resolve("plain.gz"), idxLabels(9, 0));

        assertThat(IdxReader.readLabels(gzippedWithoutSuffix)).containsExactly(3, 1, 4);
        assertThat(IdxReader.readLabels(plainWithSuffix)).containsExactly(9, 0);
    }

    @Test
    void pairOfFiles_givesImagesWithTheirLabels() {
        Path images = write(dir.resolve("images.gz"), gzip(idxImages(2, 2, 3, PIXELS)));
        Path labels = write(dir.resolve("labels"), idxLabels(7, 2));

        IdxReader.Labelled data = IdxReader.read(images, labels, 10);

        assertThat(data.count()).isEqualTo(2);
        assertThat(data.labels()).containsExactly(7, 2);
        assertThat(data.pixels()).containsExactly(PIXELS);
    }

    @Test
    void missingFile_namesTheFile() {
        Path missing = dir.resolve("train-images-idx3-ubyte");

        assertThatThrownBy(() -> IdxReader.readImages(missing))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void truncatedImages_nameExpectedAndFoundSize() {
        Path file = write(dir.resolve("images"), Arrays.copyOf(idxImages(2, 2, 3, PIXELS), 20));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(file + " is truncated")
                .hasMessageContaining("expected 28 bytes (16-byte header + 2 images x 2 x 3 bytes), found 20 bytes.")
                .hasMessageContaining("Download the file again");
    }

    @Test
    void truncatedGzippedLabels_sayTheSizeIsAfterGunzip() {
        Path file = write(dir.resolve("labels.gz"), gzip(Arrays.copyOf(idxLabels(1, 2, 3), 10)));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(
                        "expected 11 bytes (8-byte header + 3 labels x 1 byte)," + " found 10 bytes (after gunzip)");
    }

    @Test
    void cutGzipStream_isReportedAsIncompleteDownload() {
        byte[] gz = gzip(idxImages(2, 2, 3, PIXELS));
        Path file = write(dir.resolve("images.gz"), Arrays.copyOf(gz, gz.length - 12));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(file + " starts like a gzip file but cannot be decompressed")
                .hasMessageContaining("download the file again");
    }

    @Test
    void headerCutShort_isTruncated() {
        Path file = write(dir.resolve("images"), new byte[] {0, 0, 8, 3, 0, 0});

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("is truncated: expected at least a 16-byte header, found 6 bytes");
    }

    @Test
    void labelFileGivenAsImages_namesBothMagicNumbers() {
        Path file = write(dir.resolve("labels"), idxImages(1, 1, 1, new byte[] {1}));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(file + " has the wrong magic number: expected 0x00000801 (labels),"
                        + " found 0x00000803 (images and labels swapped?)");
    }

    @Test
    void unrelatedFile_hasWrongMagic() {
        Path file = write(dir.resolve("images"), "PK\u0003\u0004 this is a zip file".getBytes());

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("expected 0x00000803 (images), found 0x504B0304.");
    }

    @Test
    void moreLabelsThanImages_isACountMismatch() {
        Path images = write(dir.resolve("images"), idxImages(2, 2, 3, PIXELS));
        Path labels = write(dir.resolve("labels"), idxLabels(1, 2, 3));

        assertThatThrownBy(() -> IdxReader.read(images, labels, 10))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("expected as many labels as images, found 2 images in " + images
                        + " and 3 labels in " + labels);
    }

    @Test
    void labelOutOfRange_isMislabelled() {
        Path images = write(dir.resolve("images"), idxImages(2, 2, 3, PIXELS));
        Path labels = write(dir.resolve("labels"), idxLabels(9, 10));

        assertThatThrownBy(() -> IdxReader.read(images, labels, 10))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(labels + " is mislabelled: record 1 (counting from 0) has label 10,"
                        + " expected a label from 0 to 9");
    }
}
