package dev.arraysweep.worker.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShuffleTest {
    @Test
    void permutation_holdsEveryIndexOnce_andTheSameSeedGivesTheSameOrder() {
        int[] order = Shuffle.permutation(1000, new Random(3));
        assertThat(order)
                .containsExactlyInAnyOrder(
                        java.util.stream.IntStream.range(0, 1000).toArray());
        assertThat(order).isNotEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
        assertThat(Shuffle.permutation(1000, new Random(3))).isEqualTo(order);
    }

    @Test
    void theOrderAndTheNumbersDrawnStayAsCheckpointsExpect() {
        // a resumed run restores the generator and must see the same orders: pin the draws, and what is left after
        Random rng = new Random(42);
        assertThat(Shuffle.permutation(8, rng)).containsExactly(2, 6, 3, 1, 4, 0, 7, 5);
        assertThat(rng.nextInt()).isEqualTo(-1255373459);
    }

    @Test
    void inPlace_permutesTheGivenValues() {
        int[] a = {10, 20, 30, 40, 50};
        Shuffle.inPlace(a, new Random(1));
        assertThat(a).containsExactlyInAnyOrder(10, 20, 30, 40, 50);
    }
}
