package dev.arraysweep.worker.sampling;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The shuffled order of an epoch and how far a strategy has read it: the one cursor of the strategies that
 * walk the epoch's order in slices (the archetype and the batch filter), and its part of their checkpoint.
 */
final class EpochOrder {
    private int[] order = new int[0];
    private int cursor;

    /** Starts reading {@code order} from its beginning. */
    void start(int[] order) {
        this.order = order;
        this.cursor = 0;
    }

    /** {@return whether every sample of the order has been taken} */
    boolean exhausted() {
        return cursor >= order.length;
    }

    /** {@return the next {@code n} sample indices, fewer at the end of the order} */
    int[] take(int n) {
        int[] idx = Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + n));
        cursor += idx.length;
        return idx;
    }

    /** Writes the order and the cursor into a strategy's checkpoint values. */
    void saveTo(Map<String, Serializable> values) {
        values.put("order", order.clone());
        values.put("cursor", cursor);
    }

    /** Reads what {@link #saveTo} wrote. */
    void restoreFrom(Map<String, Serializable> values) {
        order = (int[]) values.get("order");
        cursor = (Integer) values.get("cursor");
    }

    /** {@return new checkpoint values holding this order and the epoch's {@code figures}} */
    Map<String, Serializable> savedWith(EpochFigures figures) {
        Map<String, Serializable> values = new HashMap<>();
        saveTo(values);
        values.put("figures", figures.toArray());
        return values;
    }

    /** Reads what {@link #savedWith} wrote, the figures into {@code figures}. */
    void restoreWith(Map<String, Serializable> values, EpochFigures figures) {
        restoreFrom(values);
        figures.fromArray((long[]) values.get("figures"));
    }
}
