package dev.arraysweep.worker.data;

import dev.arraysweep.db.ExitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Loads a dataset by name from a directory of its standard files.
 *
 * <p>{@code mnist} and {@code fashion-mnist}: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each optionally with {@code .gz}; the 28x28 images are zero-padded to 1x32x32.
 * {@code cifar10}: {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin};
 * {@code cifar100}: {@code train.bin} and {@code test.bin} (the binary versions). For CIFAR the
 * directory may also be the one that contains the archive's {@code cifar-10-batches-bin} or
 * {@code cifar-100-binary} folder. Pixels are scaled to [0, 1] and not normalised.
 */
public final class Datasets {

    /** Side of the square images every model receives. */
    public static final int SIDE = 32;

    private static final List<String> NAMES = List.of("mnist", "fashion-mnist", "cifar10", "cifar100");
    private static final int MNIST_SIDE = 28;
    private static final String FASHION_HINT = " For fashion-mnist, `apt-get install dataset-fashion-mnist`"
            + " provides the files in /usr/share/datasets/fashion-mnist.";

    private Datasets() {}

    /** {@return the names {@link #load} accepts} */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * {@return the dataset {@code name} read from {@code dir}, raw pixels in [0, 1]}
     *
     * @throws ExitException (bad input) for an unknown name, a missing directory or file, or a bad file
     */
    public static Dataset load(String name, Path dir) {
        String key = name.toLowerCase(Locale.ROOT);
        return switch (key) {
            case "mnist", "fashion-mnist" -> loadMnistLike(key, dir);
            case "cifar10" -> loadCifar(
                    key,
                    CifarReader.Format.CIFAR10,
                    dir,
                    "cifar-10-batches-bin",
                    IntStream.rangeClosed(1, 5)
                            .mapToObj(i -> "data_batch_" + i + ".bin")
                            .toList(),
                    List.of("test_batch.bin"));
            case "cifar100" -> loadCifar(
                    key,
                    CifarReader.Format.CIFAR100,
                    dir,
                    "cifar-100-binary",
                    List.of("train.bin"),
                    List.of("test.bin"));
            default -> throw ExitException.badInput(
                    "unknown dataset '" + name + "': expected one of " + String.join(", ", NAMES) + ".");
        };
    }

    private static Dataset loadMnistLike(String name, Path dir) {
        String hint = name.equals("fashion-mnist") ? FASHION_HINT : "";
        checkDirectory(name, dir, hint);
        Split train = mnistSplit(
                idxFile(dir, "train-images-idx3-ubyte", hint), idxFile(dir, "train-labels-idx1-ubyte", hint));
        Split test =
                mnistSplit(idxFile(dir, "t10k-images-idx3-ubyte", hint), idxFile(dir, "t10k-labels-idx1-ubyte", hint));
        return new Dataset(name, 1, SIDE, SIDE, 10, train, test);
    }

    private static Split mnistSplit(Path imagesFile, Path labelsFile) {
        IdxReader.Labelled data = IdxReader.read(imagesFile, labelsFile, 10);
        if (data.rows() != MNIST_SIDE || data.cols() != MNIST_SIDE) {
            throw ExitException.badInput("IDX image file " + imagesFile + " has images of " + data.rows() + "x"
                    + data.cols() + " pixels, expected 28x28 as in MNIST and Fashion-MNIST.");
        }
        return new Split(padTo32(data.pixels(), data.count()), data.labels());
    }

    /** {@return 28x28 unsigned-byte images as 32x32 floats in [0, 1], with a zero border of 2 pixels} */
    static float[] padTo32(byte[] pixels, int count) {
        int pad = (SIDE - MNIST_SIDE) / 2;
        float[] out = new float[count * SIDE * SIDE];
        for (int n = 0; n < count; n++) {
            for (int r = 0; r < MNIST_SIDE; r++) {
                int in = (n * MNIST_SIDE + r) * MNIST_SIDE;
                int to = (n * SIDE + r + pad) * SIDE + pad;
                for (int c = 0; c < MNIST_SIDE; c++) {
                    out[to + c] = (pixels[in + c] & 0xFF) / 255f;
                }
            }
        }
        return out;
    }

    private static Path idxFile(Path dir, String base, String hint) {
        for (String candidate : List.of(base, base + ".gz")) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw ExitException.badInput("missing data file: expected " + dir.resolve(base) + " or "
                + dir.resolve(base + ".gz") + " (gzipped), found neither." + hint);
    }

    private static Dataset loadCifar(
            String name,
            CifarReader.Format format,
            Path dir,
            String archiveFolder,
            List<String> trainFiles,
            List<String> testFiles) {
        checkDirectory(name, dir, "");
        Path base = dir;
        if (!Files.exists(dir.resolve(trainFiles.get(0))) && Files.isDirectory(dir.resolve(archiveFolder))) {
            base = dir.resolve(archiveFolder);
        }
        for (String file : concat(trainFiles, testFiles)) {
            if (!Files.isRegularFile(base.resolve(file))) {
                throw ExitException.badInput("missing data file " + base.resolve(file) + ": " + name
                        + " expects " + String.join(", ", concat(trainFiles, testFiles)) + " in " + base
                        + " (the binary version of the dataset, or its " + archiveFolder + " folder).");
            }
        }
        Path from = base;
        Split train =
                CifarReader.read(format, trainFiles.stream().map(from::resolve).toList());
        Split test =
                CifarReader.read(format, testFiles.stream().map(from::resolve).toList());
        return new Dataset(name, 3, SIDE, SIDE, format.numClasses(), train, test);
    }

    private static void checkDirectory(String name, Path dir, String hint) {
        if (!Files.isDirectory(dir)) {
            throw ExitException.badInput("data directory " + dir + " for " + name + " does not exist: expected"
                    + " a directory with the dataset's files." + hint);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
