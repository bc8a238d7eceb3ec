package dev.arraysweep.worker.sampling;

/** Row positions within a batch: ranges and the accepted rows of a filter's verdict. */
final class Positions {
    private Positions() {}

    /** {@return from, from + 1, ..., to - 1} */
    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** {@return the positions where {@code accept} is true, ascending} */
    static int[] accepted(boolean[] accept) {
        int n = 0;
        for (boolean a : accept) {
            n += a ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < accept.length; i++) {
            if (accept[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
