package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;

/**
 * A run of consecutive indices {@code first..last}, both included.
 *
 * @param first the first index, not negative
 * @param last the last index, not below {@code first}
 */
public record IndexRange(int first, int last) {

    public IndexRange {
        if (first < 0 || last < first) {
            throw ExitException.badInput("index range " + first + "-" + last + " is empty or negative");
        }
    }

    /** {@return how many indices the range holds} */
    public int size() {
        return last - first + 1;
    }

    /** {@return the range in Slurm's array syntax after subtracting {@code offset}: {@code 3-7} or {@code 3}} */
    public String spec(int offset) {
        return first == last ? Integer.toString(first - offset) : (first - offset) + "-" + (last - offset);
    }
}
