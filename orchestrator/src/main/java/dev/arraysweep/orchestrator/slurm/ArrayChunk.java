package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The runs that one {@code sbatch --array} submission covers, and the offset that turns its Slurm
 * task ids into run indices ({@code run index = SLURM_ARRAY_TASK_ID + offset}).
 *
 * @param offset the run index of task id 0; exported to the worker as {@code ARRAYSWEEP_INDEX_OFFSET}
 * @param runs the run indices, ascending, not overlapping, none below {@code offset}
 */
public record ArrayChunk(int offset, List<IndexRange> runs) {

    public ArrayChunk {
        runs = List.copyOf(runs);
        if (offset < 0) {
            throw ExitException.badInput("array offset " + offset + " must not be negative");
        }
        if (runs.isEmpty()) {
            throw ExitException.badInput("an array needs at least one run");
        }
        int previous = offset - 1;
        for (IndexRange r : runs) {
            if (r.first() <= previous) {
                throw ExitException.badInput("array runs " + r.first() + "-" + r.last()
                        + " overlap, are out of order or lie below offset " + offset);
            }
            previous = r.last();
        }
    }

    /** {@return an array of the consecutive runs {@code first..last} with offset 0} */
    public static ArrayChunk ofRange(int first, int last) {
        return new ArrayChunk(0, List.of(new IndexRange(first, last)));
    }

    /** {@return the task ids in Slurm's syntax, such as {@code 0-7,9,12-15}, without the {@code %N} throttle} */
    public String taskSpec() {
        return runs.stream().map(r -> r.spec(offset)).collect(Collectors.joining(","));
    }

    /** {@return how many tasks the array has} */
    public int taskCount() {
        return runs.stream().mapToInt(IndexRange::size).sum();
    }

    /** {@return the highest Slurm task id in the array} */
    public int maxTaskId() {
        return runs.get(runs.size() - 1).last() - offset;
    }

    /** {@return the run indices, ascending} */
    public List<Integer> runIndices() {
        return runs.stream()
                .flatMap(r -> IntStream.rangeClosed(r.first(), r.last()).boxed())
                .toList();
    }

    /** {@return the run index that Slurm task {@code taskId} of this array runs} */
    public int runIndex(int taskId) {
        return offset + taskId;
    }
}
