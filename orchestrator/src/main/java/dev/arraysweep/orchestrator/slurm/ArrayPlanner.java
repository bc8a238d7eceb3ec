package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the run indices that need running into as few job arrays as the cluster's limits allow.
 *
 * <p>Slurm task ids must be below {@code MaxArraySize}. When every index is, one array with offset 0
 * is enough (task id = run index). Otherwise runs are grouped into windows of a round stride
 * ({@code 1000} for the default {@code MaxArraySize=1001}) and each window becomes an array whose
 * offset is the window start, so that task 7 of the array with offset 2000 runs run 2007. Arrays are
 * split further where a user's task limit or the length of the {@code --array} text requires it.
 */
public final class ArrayPlanner {

    /** Slurm's {@code MaxArraySize} when the cluster does not say. */
    public static final int DEFAULT_MAX_ARRAY_SIZE = 1001;
    /** Longest task list put on one {@code --array} line. */
    public static final int DEFAULT_MAX_SPEC_LENGTH = 2000;

    private final int maxArraySize;
    private final int maxTasksPerArray;
    private final int maxSpecLength;

    /**
     * @param maxArraySize the cluster's {@code MaxArraySize}: task ids stay below it
     * @param maxTasksPerArray at most this many tasks per array; 0 = no limit
     * @param maxSpecLength at most this many characters of task list per array, at least 32
     */
    public ArrayPlanner(int maxArraySize, int maxTasksPerArray, int maxSpecLength) {
        if (maxArraySize < 1) {
            throw ExitException.badInput("MaxArraySize=" + maxArraySize + " must be at least 1");
        }
        if (maxTasksPerArray < 0) {
            throw ExitException.badInput("max tasks per array " + maxTasksPerArray + " must be 0 (no limit) or more");
        }
        if (maxSpecLength < 32) {
            throw ExitException.badInput("max --array length " + maxSpecLength + " must be at least 32");
        }
        this.maxArraySize = maxArraySize;
        this.maxTasksPerArray = maxTasksPerArray == 0 ? Integer.MAX_VALUE : maxTasksPerArray;
        this.maxSpecLength = maxSpecLength;
    }

    /** {@return a planner for a cluster's {@code MaxArraySize} and a user's task limit (0 = none)} */
    public static ArrayPlanner forCluster(int maxArraySize, int maxTasksPerArray) {
        return new ArrayPlanner(maxArraySize, maxTasksPerArray, DEFAULT_MAX_SPEC_LENGTH);
    }

    /**
     * {@return the arrays to submit for {@code runIndices}, in index order}
     *
     * @param runIndices strictly ascending, not negative
     * @throws ExitException (wrong state) when there is nothing to submit; (bad input) when unsorted
     */
    public List<ArrayChunk> plan(List<Integer> runIndices) {
        List<IndexRange> ranges = ranges(runIndices);
        int last = ranges.get(ranges.size() - 1).last();
        int stride = last < maxArraySize ? Integer.MAX_VALUE : stride(maxArraySize);
        List<ArrayChunk> arrays = new ArrayList<>();
        ChunkBuilder chunk = null;
        for (IndexRange range : ranges) {
            int first = range.first();
            while (first <= range.last()) {
                int offset = stride == Integer.MAX_VALUE ? 0 : first / stride * stride;
                int end = (int) Math.min(range.last(), (long) offset + stride - 1);
                if (chunk != null && chunk.offset != offset) {
                    arrays.add(chunk.build());
                    chunk = null;
                }
                if (chunk == null) {
                    chunk = new ChunkBuilder(offset);
                }
                int take = Math.min(end - first + 1, maxTasksPerArray - chunk.tasks);
                IndexRange part = take == 0 ? null : new IndexRange(first, first + take - 1);
                if (part == null || !chunk.fits(part, maxSpecLength)) {
                    arrays.add(chunk.build());
                    chunk = new ChunkBuilder(offset);
                    continue;
                }
                chunk.add(part);
                first += take;
            }
        }
        arrays.add(chunk.build());
        return List.copyOf(arrays);
    }

    /** {@return {@code runIndices} in Slurm's compact syntax, such as {@code 0-7,9,12-15}} */
    public static String compress(List<Integer> runIndices) {
        return ranges(runIndices).stream().map(r -> r.spec(0)).collect(Collectors.joining(","));
    }

    /**
     * {@return the window width for offsets: {@code maxArraySize} rounded down to its leading digit,
     * such as 1000 for 1001 and 40000 for 40001, so that offsets are round numbers}
     */
    static int stride(int maxArraySize) {
        int power = 1;
        while (power <= maxArraySize / 10) {
            power *= 10;
        }
        return maxArraySize / power * power;
    }

    private static List<IndexRange> ranges(List<Integer> runIndices) {
        if (runIndices.isEmpty()) {
            throw ExitException.wrongState("nothing to submit: no run of the sweep needs running");
        }
        List<IndexRange> ranges = new ArrayList<>();
        int start = -1;
        int previous = -1;
        for (int index : runIndices) {
            if (index < 0) {
                throw ExitException.badInput("run index " + index + " is negative");
            }
            if (index <= previous) {
                throw ExitException.badInput(
                        "run index " + index + " follows " + previous + ": run indices must be ascending and distinct");
            }
            if (start >= 0 && index != previous + 1) {
                ranges.add(new IndexRange(start, previous));
                start = index;
            } else if (start < 0) {
                start = index;
            }
            previous = index;
        }
        ranges.add(new IndexRange(start, previous));
        return ranges;
    }

    /** Collects the ranges of one array while watching its task count and text length. */
    private static final class ChunkBuilder {
        final int offset;
        final List<IndexRange> runs = new ArrayList<>();
        int tasks;
        int specLength;

        ChunkBuilder(int offset) {
            this.offset = offset;
        }

        boolean fits(IndexRange part, int maxSpecLength) {
            int added = part.spec(offset).length() + (runs.isEmpty() ? 0 : 1);
            return runs.isEmpty() || specLength + added <= maxSpecLength;
        }

        void add(IndexRange part) {
            specLength += part.spec(offset).length() + (runs.isEmpty() ? 0 : 1);
            runs.add(part);
            tasks += part.size();
        }

        ArrayChunk build() {
            return new ArrayChunk(offset, runs);
        }
    }
}
