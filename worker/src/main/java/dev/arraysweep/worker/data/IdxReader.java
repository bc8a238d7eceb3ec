package dev.arraysweep.worker.data;

import dev.arraysweep.db.ExitException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads MNIST-style IDX files (unsigned-byte images and labels), gzipped or not.
 *
 * <p>Gzip is recognised by the file's first two bytes, not by its name. The header holds a magic
 * number ({@code 0x00000803} for images, {@code 0x00000801} for labels) and big-endian dimensions;
 * the file must hold exactly as many bytes as the header announces.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private IdxReader() {}

    /**
     * Images and their labels from a pair of IDX files.
     *
     * @param rows rows per image
     * @param cols columns per image
     * @param pixels unsigned pixel bytes, image after image, row-major
     * @param labels one label per image
     */
    public record Labelled(int rows, int cols, byte[] pixels, int[] labels) {

        /** {@return the number of images} */
        public int count() {
            return labels.length;
        }
    }

    /** Unsigned-byte images from an IDX file; {@code pixels} is image after image, row-major. */
    public record Images(int count, int rows, int cols, byte[] pixels) {}

    /**
     * {@return the images of {@code imagesFile} with the labels of {@code labelsFile}}
     *
     * @param numClasses every label must be below this
     * @throws ExitException (bad input) for a bad file, different counts or a label out of range
     */
    public static Labelled read(Path imagesFile, Path labelsFile, int numClasses) {
        Images images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile);
        if (images.count() != labels.length) {
            throw ExitException.badInput("image and label files do not match: expected as many labels as"
                    + " images, found " + images.count() + " images in " + imagesFile + " and "
                    + labels.length + " labels in " + labelsFile
                    + ". Use image and label files of the same split and release.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= numClasses) {
                throw DataFiles.mislabelled(labelsFile, i, labels[i], numClasses);
            }
        }
        return new Labelled(images.rows(), images.cols(), images.pixels(), labels);
    }

    /** {@return the images of an IDX image file} */
    public static Images readImages(Path file) {
        DataFiles.Contents contents = DataFiles.read(file);
        byte[] bytes = contents.bytes();
        checkMagic(contents, IMAGES_MAGIC, "image", IMAGES_HEADER);
        long count = DataFiles.uint32(bytes, 4);
        long rows = DataFiles.uint32(bytes, 8);
        long cols = DataFiles.uint32(bytes, 12);
        long expected = IMAGES_HEADER + count * rows * cols;
        checkSize(contents, expected, "16-byte header + " + count + " images x " + rows + " x " + cols + " bytes");
        if (count == 0 || rows == 0 || cols == 0) {
            throw ExitException.badInput("IDX image file " + file + " holds no pixels: expected at least one"
                    + " image of at least 1x1, found " + count + " images of " + rows + "x" + cols
                    + ". Use the original dataset file.");
        }
        return new Images((int) count, (int) rows, (int) cols, Arrays.copyOfRange(bytes, IMAGES_HEADER, bytes.length));
    }

    /** {@return the labels of an IDX label file} */
    public static int[] readLabels(Path file) {
        DataFiles.Contents contents = DataFiles.read(file);
        byte[] bytes = contents.bytes();
        checkMagic(contents, LABELS_MAGIC, "label", LABELS_HEADER);
        long count = DataFiles.uint32(bytes, 4);
        checkSize(contents, LABELS_HEADER + count, "8-byte header + " + count + " labels x 1 byte");
        int[] labels = new int[(int) count];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = bytes[LABELS_HEADER + i] & 0xFF;
        }
        return labels;
    }

    private static void checkMagic(DataFiles.Contents contents, int magic, String kind, int header) {
        byte[] bytes = contents.bytes();
        if (bytes.length < header) {
            throw ExitException.badInput("IDX " + kind + " file " + contents.file() + " is truncated: expected"
                    + " at least a " + header + "-byte header, found " + contents.describeSize()
                    + ". Download the file again.");
        }
        long found = DataFiles.uint32(bytes, 0);
        if (found != magic) {
            throw ExitException.badInput("IDX " + kind + " file " + contents.file() + " has the wrong magic"
                    + " number: expected " + hex(magic) + " (" + kind + "s), found " + hex(found)
                    + (found == IMAGES_MAGIC || found == LABELS_MAGIC ? " (images and labels swapped?)" : "")
                    + ". Use the dataset's original " + kind + " file.");
        }
    }

    private static void checkSize(DataFiles.Contents contents, long expected, String layout) {
        long found = contents.bytes().length;
        if (found != expected) {
            throw ExitException.badInput("IDX file " + contents.file() + " is "
                    + (found < expected ? "truncated" : "longer than its header says") + ": expected "
                    + expected + " bytes (" + layout + "), found " + contents.describeSize()
                    + ". Download the file again.");
        }
    }

    private static String hex(long value) {
        return String.format("0x%08X", value);
    }
}
