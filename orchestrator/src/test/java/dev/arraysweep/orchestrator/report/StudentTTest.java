package dev.arraysweep.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {
    @Test
    void quantile975_matchesPublishedTables() {
        // two-sided 95% critical values, e.g. NIST/SEMATECH e-Handbook table 1.4.2.7.2
        double[][] table = {{1, 12.706205}, {2, 4.302653}, {3, 3.182446}, {4, 2.776445}, {5, 2.570582},
            {9, 2.262157}, {10, 2.228139}, {30, 2.042272}, {100, 1.983972}};
        for (double[] row : table) {
            assertThat(StudentT.quantile(0.975, row[0])).as("df %s", row[0]).isCloseTo(row[1], within(2e-6));
        }
    }

    @Test
    void quantile_isSymmetricAndInvertsTheCdf() {
        assertThat(StudentT.quantile(0.025, 4)).isCloseTo(-2.776445, within(2e-6));
        assertThat(StudentT.quantile(0.5, 7)).isCloseTo(0, within(1e-9));
        assertThat(StudentT.cdf(StudentT.quantile(0.9, 3.5), 3.5)).isCloseTo(0.9, within(1e-10));
    }

    @Test
    void badArguments_areRejected() {
        assertThatThrownBy(() -> StudentT.quantile(1, 3)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> StudentT.cdf(1, 0)).hasMessageContaining("degrees of freedom");
    }
}
