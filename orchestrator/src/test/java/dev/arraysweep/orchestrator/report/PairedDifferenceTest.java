package dev.arraysweep.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PairedDifferenceTest {
    /**
     * t(0.975, df) for df 1..10, 30 and 100: the 95% two-sided critical values of NIST/SEMATECH e-Handbook table
     * 1.3.6.7.2 (there to 3 decimals), here to 16 digits, computed with mpmath at 40 digits by solving
     * 1 − I_{df/(df+t²)}(df/2, 1/2)/2 = 0.975; df 1, 2 and 4 also agree with their closed forms tan(0.475π),
     * 0.95·√(2/0.0975) and 2√(q − 1), q = cos(arccos(√0.0975)/3)/√0.0975. Commons Statistics is within 2e-15 of
     * each (relative).
     */
    private static final double[][] T975 = {
        {1, 12.706204736174705},
        {2, 4.302652729749464},
        {3, 3.182446305283710},
        {4, 2.776445105197794},
        {5, 2.570581835636316},
        {6, 2.446911851144970},
        {7, 2.364624251592785},
        {8, 2.306004135204167},
        {9, 2.262157162798206},
        {10, 2.228138851986275},
        {30, 2.042272456301238},
        {100, 1.983971518523552}
    };

    @Test
    void intervalHalfWidth_isTheT975QuantileTimesTheStandardError() {
        for (double[] row : T975) {
            int n = (int) row[0] + 1;
            // differences 0, 1, ..., n − 1: any spread will do, the half-width divided by std/√n is t itself
            List<Double> diffs = IntStream.range(0, n).mapToObj(i -> (double) i).toList();

            PairedDifference d = PairedDifference.of(diffs);

            double t = (d.high() - d.low()) / 2 / (d.std() / Math.sqrt(n));
            assertThat(t).as("df %d", n - 1).isCloseTo(row[1], within(1e-12 * row[1]));
            assertThat(d.mean()).isCloseTo((n - 1) / 2.0, within(1e-12));
        }
    }

    @Test
    void onePair_hasAMeanButNoInterval() {
        PairedDifference d = PairedDifference.of(List.of(-0.02));

        assertThat(d.n()).isEqualTo(1);
        assertThat(d.mean()).isEqualTo(-0.02);
        assertThat(d.low()).isNaN();
        assertThat(d.excludesZero()).isFalse();
    }

    @Test
    void twoPairsOfOneSign_withASmallSpread_excludeZero() {
        // mean 1, standard error 0.01: half-width t(0.975, 1) · 0.01 ≈ 0.127, so about [0.873, 1.127]
        PairedDifference d = PairedDifference.of(List.of(0.99, 1.01));

        assertThat(d.low()).isCloseTo(1 - 0.12706204736174705, within(1e-12));
        assertThat(d.high()).isCloseTo(1 + 0.12706204736174705, within(1e-12));
        assertThat(d.excludesZero()).isTrue();
    }
}
