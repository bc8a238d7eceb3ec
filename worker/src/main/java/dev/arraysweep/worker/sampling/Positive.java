package dev.arraysweep.worker.sampling;

/** The check the strategies make of their sizes (batch size, chunk size, k): a whole number of at least 1. */
final class Positive {
    private Positive() {}

    /**
     * {@return {@code value}}
     *
     * @throws IllegalArgumentException "WHAT must be positive, not VALUE" when it is below 1
     */
    static int check(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
        return value;
    }
}
