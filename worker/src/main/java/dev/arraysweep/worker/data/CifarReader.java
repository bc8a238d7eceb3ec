package dev.arraysweep.worker.data;

import dev.arraysweep.db.ExitException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary versions of CIFAR-10 and CIFAR-100 into one split.
 *
 * <p>A CIFAR-10 record is 1 label byte and 3072 pixel bytes; a CIFAR-100 record is a coarse label
 * byte, a fine label byte and 3072 pixel bytes (the fine label is used). The pixels are 1024 red,
 * 1024 green then 1024 blue values of a 32x32 image in row-major order, which is already CHW.
 */
public final class CifarReader {

    /** Bytes of pixel data per record: 3 channels x 32 x 32. */
    public static final int PIXELS = 3 * 32 * 32;

    /** The two CIFAR binary layouts. */
    public enum Format {
        /** CIFAR-10: one label byte per record, 10 classes. */
        CIFAR10(1, 10),
        /** CIFAR-100: coarse and fine label bytes per record, 100 fine classes. */
        CIFAR100(2, 100);

        private final int labelBytes;
        private final int numClasses;

        Format(int labelBytes, int numClasses) {
            this.labelBytes = labelBytes;
            this.numClasses = numClasses;
        }

        /** {@return bytes per record: label bytes and pixels} */
        public int recordSize() {
            return labelBytes + PIXELS;
        }

        /** {@return the number of classes} */
        public int numClasses() {
            return numClasses;
        }
    }

    private CifarReader() {}

    /**
     * {@return all records of the given files, in file order, pixels scaled to [0, 1]}
     *
     * @throws ExitException (bad input) for a missing file, a size that is not a whole number of
     *     records, or a label out of range
     */
    public static Split read(Format format, List<Path> files) {
        List<DataFiles.Contents> contents = new ArrayList<>();
        long records = 0;
        for (Path file : files) {
            DataFiles.Contents c = DataFiles.read(file);
            int size = c.bytes().length;
            if (size == 0 || size % format.recordSize() != 0) {
                throw ExitException.badInput(format + " file " + file + " is truncated or not a " + format
                        + " binary file: expected a whole number of " + format.recordSize() + "-byte records ("
                        + format.labelBytes + " label byte" + (format.labelBytes > 1 ? "s" : "") + " + " + PIXELS
                        + " pixel bytes), found " + c.describeSize() + ". Download the binary version"
                        + " of the dataset again.");
            }
            contents.add(c);
            records += size / format.recordSize();
        }
        if (records * PIXELS > Integer.MAX_VALUE) {
            throw ExitException.badInput("CIFAR files " + files + " hold " + records + " images, too many for"
                    + " one in-memory split; expected at most " + Integer.MAX_VALUE / PIXELS + ".");
        }
        float[] images = new float[(int) records * PIXELS];
        int[] labels = new int[(int) records];
        int n = 0;
        for (DataFiles.Contents c : contents) {
            n = decode(format, c, images, labels, n);
        }
        return new Split(images, labels);
    }

    private static int decode(Format format, DataFiles.Contents c, float[] images, int[] labels, int first) {
        byte[] bytes = c.bytes();
        int n = first;
        for (int record = 0; record * format.recordSize() < bytes.length; record++, n++) {
            int offset = record * format.recordSize();
            int label = bytes[offset + format.labelBytes - 1] & 0xFF;
            if (label >= format.numClasses()) {
                throw DataFiles.mislabelled(c.file(), record, label, format.numClasses());
            }
            labels[n] = label;
            int pixels = offset + format.labelBytes;
            for (int i = 0; i < PIXELS; i++) {
                images[n * PIXELS + i] = (bytes[pixels + i] & 0xFF) / 255f;
            }
        }
        return n;
    }
}
