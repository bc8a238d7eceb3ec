package dev.arraysweep.worker.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX and CIFAR files with known contents for the reader tests. */
final class DataFixtures {

    private DataFixtures() {}

    /** {@return an IDX image file's bytes: header and {@code pixels} (count x rows x cols)} */
    static byte[] idxImages(int count, int rows, int cols, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(IdxReader.IMAGES_MAGIC)
                .putInt(count)
                .putInt(rows)
                .putInt(cols)
                .put(pixels);
        return buffer.array();
    }

    /** {@return an IDX label file's bytes} */
    static byte[] idxLabels(int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    /** {@return one CIFAR record: the label bytes, then 3072 pixels whose value is {@code (seed + i) % 256}} */
    static byte[] cifarRecord(int seed, int... labelBytes) {
        byte[] record = new byte[labelBytes.length + CifarReader.PIXELS];
        for (int i = 0; i < labelBytes.length; i++) {
            record[i] = (byte) labelBytes[i];
        }
        for (int i = 0; i < CifarReader.PIXELS; i++) {
            record[labelBytes.length + i] = (byte) ((seed + i) % 256);
        }
        return record;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return 28x28 pixels per image whose value is {@code (image * 7 + row + col) % 256}} */
    static byte[] mnistPixels(int count) {
        byte[] pixels = new byte[count * 28 * 28];
        for (int n = 0; n < count; n++) {
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    pixels[(n * 28 + r) * 28 + c] = (byte) mnistPixel(n, r, c);
                }
            }
        }
        return pixels;
    }

    static int mnistPixel(int image, int row, int col) {
        return (image * 7 + row + col) % 256;
    }
}
