package dev.arraysweep.worker.sampling;

import java.util.Random;

/**
 * Fisher-Yates shuffles that take every random number from the caller's generator, so that a restored
 * generator repeats the same orders (a resumed run sees the epochs an uninterrupted one would).
 */
public final class Shuffle {
    private Shuffle() {}

    /** {@return a random permutation of 0..n-1} */
    public static int[] permutation(int n, Random rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        inPlace(order, rng);
        return order;
    }

    /** Shuffles {@code a} in place. */
    public static void inPlace(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
