package dev.arraysweep.worker.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arraysweep.worker.testing.PytorchReference;
import org.junit.jupiter.api.Test;

/** numpy's default quantiles and the loss summary built on them. */
class QuantilesTest {

    private static final JsonNode NUMPY = PytorchReference.section("quantiles_numpy_linear");

    @Test
    void linear_matchesNumpy() {
        double[] values = PytorchReference.doubles(NUMPY.get("values"));
        double[] qs = PytorchReference.doubles(NUMPY.get("q"));
        double[] expected = PytorchReference.doubles(NUMPY.get("result"));
        for (int i = 0; i < qs.length; i++) {
            assertThat(Quantiles.linear(values, qs[i])).as("q=%s", qs[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void linear_interpolatesBetweenRanks() {
        double[] values = {4, 1, 3, 2};
        assertThat(Quantiles.linear(values, 0.9)).isCloseTo(3.7, within(1e-12));
        assertThat(Quantiles.linear(values, 0.5)).isEqualTo(2.5);
        assertThat(Quantiles.linear(values, 0)).isEqualTo(1);
        assertThat(Quantiles.linear(values, 1)).isEqualTo(4);
        assertThat(values).as("input untouched").containsExactly(4, 1, 3, 2);
        assertThat(Quantiles.linear(new double[] {7}, 0.99)).isEqualTo(7);
    }

    @Test
    void linear_rejectsNoValuesAndBadQ() {
        assertThatThrownBy(() -> Quantiles.linear(new double[0], 0.5)).hasMessageContaining("no values");
        assertThatThrownBy(() -> Quantiles.linear(new double[] {1}, 1.5)).hasMessageContaining("got 1.5");
    }

    @Test
    void lossSummary_hasMinMaxMeanAndQuantiles() {
        LossSummary summary = LossSummary.of(PytorchReference.doubles(NUMPY.get("values")));
        double[] expected = PytorchReference.doubles(NUMPY.get("result"));
        assertThat(summary.count()).isEqualTo(7);
        assertThat(summary.best()).isEqualTo(NUMPY.get("min").asDouble());
        assertThat(summary.worst()).isEqualTo(NUMPY.get("max").asDouble());
        assertThat(summary.mean()).isCloseTo((0.3 + 2.0 + 0.05 + 1.2 + 0.7 + 4.5 + 0.9) / 7, within(1e-12));
        assertThat(summary.q50()).isCloseTo(expected[0], within(1e-12));
        assertThat(summary.q90()).isCloseTo(expected[1], within(1e-12));
        assertThat(summary.q99()).isCloseTo(expected[2], within(1e-12));
    }

    @Test
    void lossSummary_ofNothingIsNaN() {
        LossSummary summary = LossSummary.of(new float[0]);
        assertThat(summary.count()).isZero();
        assertThat(summary.mean()).isNaN();
        assertThat(summary.q99()).isNaN();
    }
}
