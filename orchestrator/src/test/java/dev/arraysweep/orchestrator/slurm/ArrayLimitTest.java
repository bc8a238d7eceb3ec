package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep's max_concurrent kept across several arrays, by hand and by simulating Slurm's rules. */
class ArrayLimitTest {
    @Test
    void knownAnswers() {
        assertThat(ArrayLimit.share(2, 3))
                .containsExactly(
                        new ArrayLimit(1, null, null), new ArrayLimit(1, null, null), new ArrayLimit(1, 0, null));
        assertThat(ArrayLimit.share(4, 3))
                .containsExactly(
                        new ArrayLimit(2, null, null), new ArrayLimit(1, null, null), new ArrayLimit(1, null, null));
        assertThat(ArrayLimit.share(1, 3))
                .containsExactly(new ArrayLimit(1, null, null), new ArrayLimit(1, 0, null), new ArrayLimit(1, 1, null));
        assertThat(ArrayLimit.share(5, 1)).containsExactly(new ArrayLimit(5, null, null));
        assertThat(ArrayLimit.share(null, 2)).containsExactly(ArrayLimit.of(null), ArrayLimit.of(null));
    }

    /**
     * Every array as big as it likes: what can run at once is the sum, over chains, of the throttle of the
     * chain's array that runs now; a chain runs one array at a time. The worst case is each chain's largest
     * throttle, which must be the limit exactly (no fewer: the limit is used when arrays are big enough).
     */
    @Test
    void atMostTheLimitRunsAtOnce_andTheLimitIsUsed_forEveryLimitAndArrayCount() {
        for (int limit = 1; limit <= 9; limit++) {
            for (int arrays = 1; arrays <= 12; arrays++) {
                List<ArrayLimit> share = ArrayLimit.share(limit, arrays);
                int[] chainMax = new int[arrays];
                int[] chainOf = new int[arrays];
                for (int i = 0; i < arrays; i++) {
                    ArrayLimit a = share.get(i);
                    assertThat(a.throttle()).isPositive();
                    chainOf[i] = a.afterArray() == null ? i : chainOf[a.afterArray()];
                    if (a.afterArray() != null) {
                        assertThat(a.afterArray()).isLessThan(i);
                    }
                    chainMax[chainOf[i]] = Math.max(chainMax[chainOf[i]], a.throttle());
                }
                int worst = 0;
                for (int m : chainMax) {
                    worst += m;
                }
                assertThat(worst).as("limit %d, %d arrays", limit, arrays).isEqualTo(limit);
            }
        }
    }
}
