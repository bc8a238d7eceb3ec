package dev.arraysweep.worker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import ai.djl.Device;
import dev.arraysweep.worker.sampling.AcceptanceRule;
import dev.arraysweep.worker.sampling.Judgement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's machinery on a tiny model: it runs the real loops and reports every figure; no time is asserted. */
class WorkerBenchTest {
    @Test
    void exactFraction_acceptsThatShareOfEveryRawBatch_spreadOverIt() {
        AcceptanceRule half = FractionRule.exact(0.5);
        boolean[] a = half.accept(new Judgement(8, new boolean[8], null, null));
        assertThat(a).containsExactly(false, true, false, true, false, true, false, true);
        assertThat(count(FractionRule.exact(0.25).accept(new Judgement(128, new boolean[128], null, null))))
                .isEqualTo(32);
        assertThat(count(FractionRule.exact(1.0).accept(new Judgement(7, new boolean[7], null, null))))
                .isEqualTo(7);
        assertThat(half.needs()).containsExactly(Judgement.Part.CORRECT);
    }

    private static int count(boolean[] a) {
        int n = 0;
        for (boolean b : a) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTinyBench_reportsEveryFigure() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Map<String, Object> report = new WorkerBench(Device.cpu(), new PrintStream(progress, true))
                .run(List.of(new ModelPlan("fcnet16", 1, 8, 1, 2, 2, 32, 16)), false);
        assertThat(report).containsKeys("machine", "models", "peak_host_memory_bytes");
        Map<String, Object> model = (Map<String, Object>) ((List<Object>) report.get("models")).get(0);
        assertThat(model)
                .containsKeys("training_step", "batch_filter_fixed_acceptance", "selection_forward", "evaluation");
        Map<String, Object> training = (Map<String, Object>) model.get("training_step");
        assertThat((Double) ((Map<String, Object>) training.get("own_over_plain")).get("median"))
                .isPositive();
        Map<String, Object> filter = (Map<String, Object>) model.get("batch_filter_fixed_acceptance");
        assertThat(filter)
                .containsKeys(
                        "acceptance_1.0", "acceptance_0.5", "acceptance_0.25", "acceptance_0.5_adaptive_raw_batch");
        assertThat(progress.toString()).contains("0.50 adaptive: ");
        assertThat(progress.toString()).contains("bench fcnet16 round 2");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rawBatchSizing_countsForwardsPerStep_andAdaptiveNeedsFewer() {
        Map<String, Object> sizing = RawBatchSizing.measure(Device.cpu(), new PrintStream(new ByteArrayOutputStream()));
        Map<String, Object> half = (Map<String, Object>) sizing.get("acceptance_0.5");
        Map<String, Object> fixed = (Map<String, Object>) half.get("fixed");
        Map<String, Object> adaptive = (Map<String, Object>) half.get("adaptive");
        // a fixed raw batch of the batch size accepts about half a step's worth: at least two per step
        double fixedPerStep = (Double) fixed.get("raw_batches_per_step");
        double adaptivePerStep = (Double) adaptive.get("raw_batches_per_step");
        assertThat(fixedPerStep).isGreaterThanOrEqualTo(2.0);
        // one raw batch sized for the step, and a top-up when it falls short
        assertThat(adaptivePerStep).isBetween(1.0, fixedPerStep);
        // fixed raw batches hold exactly the batch size (128): raw batches x 128 = samples forwarded
        long forwarded = ((Number) fixed.get("forwarded")).longValue();
        long steps = ((Number) fixed.get("steps")).longValue();
        assertThat(fixedPerStep * steps * 128).isCloseTo(forwarded, withinPercentage(1));
    }
}
