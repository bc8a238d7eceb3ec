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
 * line, one line per sample of the dataset's training split, in dataset order) or given per class (by the
 * dataset's labels). When a run trains on part of the split ({@code train_limit}, {@code classes},
 * {@code per_class}, {@code train_subset}) each of its samples takes the line of its position in the split,
 * so a sample keeps its weight whichever subset it is in. A problem with the file is an
 * {@link ExitException#badInput} that names the file, the line and what was expected.
 */
public final class SampleWeights {
    private final String origin;
    private final double[] perSample;
    private final double[] perClass;
    private final int[] positions;

    private SampleWeights(String origin, double[] perSample, double[] perClass, int[] positions) {
        this.origin = origin;
        this.perSample = perSample;
        this.perClass = perClass;
        this.positions = positions;
    }

    /**
     * {@return the weights in {@code file}, read now}
     *
     * @param positions the position in the dataset's training split of each training sample of the run (the
     *     file may then be longer than the run's training set), or null when the run trains on the whole split
     *     in dataset order (the file then has exactly one line per training sample)
     */
    public static SampleWeights fromFile(Path file, int[] positions) {
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
        return new SampleWeights("weights_file " + file, w, null, positions);
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
        return new SampleWeights("class_weights", null, w, null);
    }

    private static void checkSomePositive(double[] w, String origin) {
        for (double x : w) {
            if (x > 0) {
                return;
            }
        }
        throw ExitException.badInput(origin + ": every weight is 0 (or there are none); at least one must be positive");
    }

    /**
     * {@return one weight per training sample of {@code source}}
     *
     * @throws ExitException (bad input) when the weights do not fit the samples, or every sample's is 0
     */
    double[] resolve(SampleSource source) {
        double[] w = weightsOf(source);
        for (double x : w) {
            if (x > 0) {
                return w;
            }
        }
        throw ExitException.badInput(origin + ": every one of the run's " + w.length + " training samples has"
                + " weight 0 (its subset keeps none of the weighted ones); at least one must be positive");
    }

    private double[] weightsOf(SampleSource source) {
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
        if (positions == null) {
            if (perSample.length != n) {
                throw ExitException.badInput(origin + " has " + perSample.length + " weights; expected " + n
                        + ", one per training sample in dataset order");
            }
            return perSample;
        }
        if (positions.length != n) {
            throw new IllegalStateException(
                    "positions of " + positions.length + " training samples for a source of " + n);
        }
        int needed = Arrays.stream(positions).max().orElse(-1) + 1;
        if (perSample.length < needed) {
            throw ExitException.badInput(origin + " has " + perSample.length + " weights; expected at least "
                    + needed + ", one per sample of the dataset's training split in dataset order (the run trains on"
                    + " samples up to position " + (needed - 1) + ")");
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = perSample[positions[i]];
        }
        return w;
    }

    @Override
    public String toString() {
        return origin;
    }
}
