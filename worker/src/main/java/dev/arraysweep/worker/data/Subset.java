package dev.arraysweep.worker.data;

import dev.arraysweep.db.ExitException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The part of a dataset a run uses: which training and test images (positions in their splits, in dataset
 * order) and how many classes. {@link #choose} makes the choice the run parameters {@code classes},
 * {@code per_class} and {@code train_subset} describe (thesis 5.4, seed 004 l.2906-2910: "take control of the
 * dataset ... differing number of classes, and of differing number of samples per class"; seed 000 l.33-47:
 * a random subset, {@code np.random.choice(full_data, size, replace=False)}).
 *
 * <p>Choices made here, where the seeds leave them open:
 *
 * <ul>
 *   <li>{@code classes: K} keeps the <b>first</b> K classes, labels 0 to K-1, in both splits: the labels need no
 *       remapping (so {@code class_weights} and per-class figures keep their meaning), the model gets K outputs,
 *       and the class sets are nested (K=5 is part of K=10), so runs over K differ only in the classes added.
 *       The test split keeps every image of those classes: a model of K outputs is tested on its K classes.</li>
 *   <li>{@code per_class: M} and {@code train_subset: N} draw uniformly without replacement, from a generator of
 *       their own seeded with the run's {@code subset_seed} (by default its {@code seed}); the kept images stay
 *       in dataset order. Each class draws from a generator of its own, by a partial Fisher-Yates shuffle, so
 *       subsets are nested: M=100 is part of M=500 for the same seed, and the first classes' samples do not
 *       change with K. The test split is not subsampled.</li>
 *   <li>The subset depends only on the dataset (after {@code train_limit}/{@code test_limit}) and the seed, not
 *       on any sampling parameter, so a filtered run and its archetype twin train on the same images; and it
 *       is chosen again, identically, when a run resumes.</li>
 * </ul>
 *
 * @param train positions in the training split, ascending
 * @param test positions in the test split, ascending
 * @param numClasses the classes kept (labels 0 to numClasses-1)
 */
public record Subset(int[] train, int[] test, int numClasses) {
    /** Mixes the subset seed into a stream of its own, apart from those of initialisation and sampling. */
    private static final long STREAM = 0x5DEECE66DL;

    public Subset {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (numClasses < 1) {
            throw new IllegalArgumentException("a subset keeps at least one class, not " + numClasses);
        }
    }

    /**
     * {@return the images of {@code data} that a run with these parameters uses}
     *
     * @param classes keep labels 0 to classes-1; null = every class
     * @param perClass keep this many training images of each kept class; null = all
     * @param trainSubset keep this many training images of the kept classes in all; null = all
     * @param seed the seed of the random draws
     * @throws ExitException (bad input) when the dataset has fewer classes or images than asked for
     */
    public static Subset choose(Dataset data, Integer classes, Integer perClass, Integer trainSubset, long seed) {
        int k = classes == null ? data.numClasses() : classes;
        if (k > data.numClasses()) {
            throw ExitException.badInput("classes " + k + ": dataset " + data.name() + " has only " + data.numClasses()
                    + " classes; expected at most " + data.numClasses());
        }
        int[] train = ofClasses(data.train().labels(), k);
        int[] test = ofClasses(data.test().labels(), k);
        if (perClass != null) {
            train = perClass(data, train, k, perClass, seed);
        } else if (trainSubset != null) {
            if (trainSubset > train.length) {
                throw ExitException.badInput("train_subset " + trainSubset + ": the run has only " + train.length
                        + " training samples" + (classes == null ? "" : " in its first " + k + " classes")
                        + "; expected at most " + train.length);
            }
            train = draw(train, trainSubset, new Random(mix(seed, -1)));
        }
        return new Subset(train, test, k);
    }

    /** {@return the positions whose label is below {@code k}, ascending} */
    private static int[] ofClasses(int[] labels, int k) {
        return IntStream.range(0, labels.length).filter(i -> labels[i] < k).toArray();
    }

    private static int[] perClass(Dataset data, int[] pool, int k, int m, long seed) {
        int[] labels = data.train().labels();
        int[] out = new int[k * m];
        for (int c = 0; c < k; c++) {
            int label = c;
            int[] ofClass = Arrays.stream(pool).filter(i -> labels[i] == label).toArray();
            if (ofClass.length < m) {
                throw ExitException.badInput("per_class " + m + ": class " + c + " of " + data.name() + " has only "
                        + ofClass.length + " training samples; expected at most " + ofClass.length
                        + " per class (lower per_class)");
            }
            System.arraycopy(draw(ofClass, m, new Random(mix(seed, c))), 0, out, c * m, m);
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * {@return {@code m} of {@code pool} drawn uniformly without replacement, ascending} The first {@code m} steps
     * of a Fisher-Yates shuffle, so the draw of m is the start of the draw of any larger m.
     */
    static int[] draw(int[] pool, int m, Random rng) {
        int[] a = pool.clone();
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int[] out = Arrays.copyOf(a, m);
        Arrays.sort(out);
        return out;
    }

    private static long mix(long seed, long stream) {
        return (seed * 0x9E3779B97F4A7C15L + STREAM) * 31 + stream;
    }
}
