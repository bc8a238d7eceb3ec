package dev.arraysweep.worker.sampling;

/**
 * Chooses the size of the next raw batch of the batchwise filter: {@code fixed} always uses the
 * accumulation batch size; {@code adaptive} (thesis 5.2.2) sizes it from the recent acceptance ratio so that
 * a raw batch is expected to fill what the step still needs and little is thrown away, within a memory cap.
 */
public final class RawBatchSizer {
    private final int base;
    private final boolean adaptive;
    private final int cap;
    private double recentAcceptance = 1.0;

    private RawBatchSizer(int base, boolean adaptive, int cap) {
        if (base <= 0 || cap < base) {
            throw new IllegalArgumentException(
                    "raw batch size must be positive and at most the cap: " + base + ", " + cap);
        }
        this.base = base;
        this.adaptive = adaptive;
        this.cap = cap;
    }

    /** {@return a sizer that always answers {@code size}} */
    public static RawBatchSizer fixed(int size) {
        return new RawBatchSizer(size, false, size);
    }

    /** {@return an adaptive sizer starting at {@code size}, never above {@code cap}} */
    public static RawBatchSizer adaptive(int size, int cap) {
        return new RawBatchSizer(size, true, cap);
    }

    /** {@return the next raw batch size, given how many accepted samples the step still needs} */
    public int next(int needed) {
        if (!adaptive) {
            return base;
        }
        double ratio = Math.max(recentAcceptance, 1.0 / cap);
        long want = (long) Math.ceil(needed / ratio);
        return (int) Math.max(1, Math.min(cap, want));
    }

    /** Records how many of a raw batch's samples were accepted (exponential moving average, weight 0.5). */
    public void observe(int forwarded, int accepted) {
        if (forwarded > 0) {
            recentAcceptance = 0.5 * recentAcceptance + 0.5 * ((double) accepted / forwarded);
        }
    }

    double[] state() {
        return new double[] {recentAcceptance};
    }

    void restore(double[] s) {
        recentAcceptance = s[0];
    }

    @Override
    public String toString() {
        return adaptive ? "adaptive raw batch " + base + ".." + cap : "raw batch " + base;
    }
}
