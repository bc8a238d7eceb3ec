package dev.arraysweep.worker.data;

import dev.arraysweep.db.ExitException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads whole data files, gunzipping those that start with the gzip magic bytes. */
final class DataFiles {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private DataFiles() {}

    /** The contents of a data file and whether they were gzipped. */
    record Contents(Path file, byte[] bytes, boolean gzipped) {

        /** {@return the byte count for messages, e.g. {@code "1000 bytes (after gunzip)"}} */
        String describeSize() {
            return bytes.length + " bytes" + (gzipped ? " (after gunzip)" : "");
        }
    }

    /** {@return the contents of a file, decompressed when it starts with the gzip magic bytes} */
    static Contents read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ExitException.badInput("data file " + file + " does not exist (or is not a regular file)."
                    + " Check the data directory, or download the dataset's files into it.");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzipped = raw.read() == GZIP_MAGIC_1 && raw.read() == GZIP_MAGIC_2;
            raw.reset();
            if (!gzipped) {
                return new Contents(file, raw.readAllBytes(), false);
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return new Contents(file, in.readAllBytes(), true);
            } catch (EOFException | ZipException e) {
                throw ExitException.badInput("data file " + file + " starts like a gzip file but cannot be"
                        + " decompressed: expected a complete gzip stream, found: " + e.getMessage()
                        + ". The download is probably incomplete; download the file again.");
            }
        } catch (NoSuchFileException e) {
            throw ExitException.badInput("data file " + file + " does not exist.");
        } catch (IOException e) {
            throw ExitException.failure("cannot read data file " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@return the error for a label outside [0, numClasses)} */
    static ExitException mislabelled(Path file, long record, int label, int numClasses) {
        return ExitException.badInput("data file " + file + " is mislabelled: record " + record + " (counting from 0)"
                + " has label " + label + ", expected a label from 0 to " + (numClasses - 1)
                + ". The file is damaged or belongs to another dataset; use the original file.");
    }

    /** {@return the big-endian unsigned 32-bit integer at {@code offset}} */
    static long uint32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFFL) << 24)
                | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8)
                | (bytes[offset + 3] & 0xFFL);
    }
}
