package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.ExitException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-sample weights of weighted sampling (seed 003): read from a file (one non-negative number per
 * line, one line per training sample in dataset order) or given per class. A problem with the file is an
 * {@link ExitException#badInput} that names the file, the line and what was expected.
 */
public final class SampleWeights {
    private final String origin;
    private final double[] perSample;
    private final double[] perClass;
    private final boolean allowLonger;

    private SampleWeights(String origin, double[] perSample, double[] perClass, boolean allowLonger) {
        this.origin = origin;
        this.perSample = perSample;
        this.perClass = perClass;
        this.allowLonger = allowLonger;
    }

    /**
     * {@return the weights in {@code file}, read now}
     *
     * @param allowLonger accept more lines than training samples and use the first ones (the run keeps only
     *     the first {@code train_limit} samples)
     */
    public static SampleWeights fromFile(Path file, boolean allowLonger) {
        List<Double> values = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                values.add(parse(file, number, line.strip()));
            }
        } catch (NoSuchFileException e) {
            throw ExitException.badInput("weights_file " + file + " does not exist; expected a file with one weight"
                    + " per training sample, one per line, in dataset order");
        } catch (IOException e) {
            throw ExitException.badInput("cannot read weights_file " + file + ": " + e.getMessage());
        }
        double[] w = values.stream().mapToDouble(Double::doubleValue).toArray();
        checkSomePositive(w, "weights_file " + file);
        return new SampleWeights("weights_file " + file, w, null, allowLonger);
    }

    private static double parse(Path file, int number, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw ExitException.badInput("weights_file " + file + " line " + number + ": \"" + text
                    + "\" is not a number; expected one weight (a number >= 0) per line, one line per training sample");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw ExitException.badInput("weights_file " + file + " line " + number + ": " + text
                    + " is not a weight; expected a finite number >= 0");
        }
        return value;
    }

    /** {@return weights given per class, in label order} */
    public static SampleWeights perClass(List<Double> classWeights) {
        double[] w = classWeights.stream().mapToDouble(Double::doubleValue).toArray();
        for (double x : w) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw ExitException.badInput("class_weights " + classWeights + ": expected finite numbers >= 0");
            }
        }
        checkSomePositive(w, "class_weights " + classWeights);
        return new SampleWeights("class_weights", null, w, false);
    }

    private static void checkSomePositive(double[] w, String origin) {
        for (double x : w) {
            if (x > 0) {
                return;
            }
        }
        throw ExitException.badInput(origin + ": every weight is 0 (or there are none); at least one must be positive");
    }

    /** {@return one weight per training sample of {@code source}} */
    double[] resolve(SampleSource source) {
        int n = source.size();
        if (perClass != null) {
            int[] labels = source.labels();
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                if (labels[i] >= perClass.length) {
                    throw ExitException.badInput(
                            "class_weights has " + perClass.length + " weights, but training sample " + i
                                    + " has label " + labels[i] + "; expected one weight per class");
                }
                w[i] = perClass[labels[i]];
            }
            return w;
        }
        if (perSample.length < n || (perSample.length > n && !allowLonger)) {
            throw ExitException.badInput(origin + " has " + perSample.length + " weights; expected " + n
                    + ", one per training sample in dataset order");
        }
        return perSample.length == n ? perSample : Arrays.copyOf(perSample, n);
    }

    @Override
    public String toString() {
        return origin;
    }
}
