package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArrayPlannerTest {

    private static List<Integer> range(int first, int lastExclusive) {
        return IntStream.range(first, lastExclusive).boxed().toList();
    }

    private static List<Integer> concat(List<Integer>... parts) {
        List<Integer> all = new ArrayList<>();
        for (List<Integer> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    @Test
    void compress_rangesAndSingles() {
        assertThat(ArrayPlanner.compress(concat(range(0, 8), List.of(9), range(12, 16))))
                .isEqualTo("0-7,9,12-15");
        assertThat(ArrayPlanner.compress(List.of(4))).isEqualTo("4");
    }

    @Test
    void allBelowMaxArraySize_oneArrayWithOffsetZero() {
        List<ArrayChunk> arrays =
                ArrayPlanner.forCluster(1001, 0).plan(concat(range(0, 8), List.of(9), range(12, 16), List.of(1000)));

        assertThat(arrays).hasSize(1);
        assertThat(arrays.get(0).offset()).isZero();
        assertThat(arrays.get(0).taskSpec()).isEqualTo("0-7,9,12-15,1000");
        assertThat(arrays.get(0).taskCount()).isEqualTo(14);
    }

    @Test
    void fiveThousandRuns_fiveArraysWithRoundOffsets() {
        List<ArrayChunk> arrays = ArrayPlanner.forCluster(1001, 0).plan(range(0, 5000));

        assertThat(arrays).extracting(ArrayChunk::offset).containsExactly(0, 1000, 2000, 3000, 4000);
        assertThat(arrays).extracting(ArrayChunk::taskSpec).containsOnly("0-999");
        assertThat(arrays.get(3).runIndex(7)).isEqualTo(3007);
    }

    @Test
    void holesAcrossWindows_taskIdsShiftedByOffset() {
        List<ArrayChunk> arrays =
                ArrayPlanner.forCluster(1001, 0).plan(concat(List.of(3), range(998, 1003), List.of(2500)));

        assertThat(arrays).extracting(ArrayChunk::offset).containsExactly(0, 1000, 2000);
        assertThat(arrays).extracting(ArrayChunk::taskSpec).containsExactly("3,998-999", "0-2", "500");
        assertThat(arrays.get(1).runIndices()).containsExactly(1000, 1001, 1002);
    }

    @Test
    void singleIndexBeyondLimit_ownArray() {
        List<ArrayChunk> arrays = ArrayPlanner.forCluster(1001, 0).plan(List.of(123456));

        assertThat(arrays).singleElement().satisfies(a -> {
            assertThat(a.offset()).isEqualTo(123000);
            assertThat(a.taskSpec()).isEqualTo("456");
        });
    }

    @Test
    void userTaskLimit_splitsWithinWindow() {
        List<ArrayChunk> arrays = ArrayPlanner.forCluster(1001, 4).plan(concat(range(0, 6), range(10, 13)));

        assertThat(arrays).extracting(ArrayChunk::taskSpec).containsExactly("0-3", "4-5,10-11", "12");
        assertThat(arrays).allSatisfy(a -> assertThat(a.taskCount()).isLessThanOrEqualTo(4));
    }

    @Test
    void specLengthLimit_splitsLongLists() {
        List<Integer> evens = IntStream.range(0, 500).map(i -> 2 * i).boxed().toList();

        List<ArrayChunk> arrays = new ArrayPlanner(1001, 0, 100).plan(evens);

        assertThat(arrays).allSatisfy(a -> assertThat(a.taskSpec().length()).isLessThanOrEqualTo(100));
        assertThat(arrays.stream().flatMap(a -> a.runIndices().stream()).toList())
                .isEqualTo(evens);
    }

    @Test
    void everyPlannedTaskIdBelowMaxArraySize() {
        List<ArrayChunk> arrays = ArrayPlanner.forCluster(40001, 0).plan(range(39990, 80010));

        assertThat(arrays).extracting(ArrayChunk::offset).containsExactly(0, 40000, 80000);
        assertThat(arrays).allSatisfy(a -> assertThat(a.maxTaskId()).isLessThan(40001));
    }

    @Test
    void stride_roundsMaxArraySizeDownToLeadingDigit() {
        assertThat(ArrayPlanner.stride(1001)).isEqualTo(1000);
        assertThat(ArrayPlanner.stride(75000)).isEqualTo(70000);
        assertThat(ArrayPlanner.stride(7)).isEqualTo(7);
    }

    @Test
    void empty_nothingToSubmit() {
        assertThatThrownBy(() -> ArrayPlanner.forCluster(1001, 0).plan(List.of()))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.WRONG_STATE))
                .hasMessageContaining("nothing to submit");
    }

    @Test
    void unsorted_namesTheIndex() {
        assertThatThrownBy(() -> ArrayPlanner.forCluster(1001, 0).plan(List.of(1, 5, 3)))
                .isInstanceOf(ExitException.class)
                .hasMessage("run index 3 follows 5: run indices must be ascending and distinct");
    }
}
