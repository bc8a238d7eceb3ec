package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.SamplerFigures;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thesis Alg. 6 (soft accuracy + top-k, seed 004 l.1470-1495) against the pooled composition, on one pool whose
 * right selections are worked out by hand in {@link #POOL}.
 */
class SoftAccuracyTopKTest {
    private static final double ALPHA = 0.1;
    private static final int K = 3;

    /**
     * The toy pool, by sample: misclassified, top-2 softmax margin, loss. With margin alpha 0.1 the soft filter
     * accepts the misclassified 0, 2, 4, 6 and the marginal 1, 5, 7; sample 3 is correct and confident.
     * <ul>
     *   <li>thesis, k = 3: the misclassified by loss are 4 (3.0), 0 (2.0), 6 (1.0), 2 (0.5): keep 4, 0, 6; then
     *       add every marginal sample 1, 5, 7: {0, 1, 4, 5, 6, 7}.
     *   <li>pooled, k = 3: the soft pool by loss is 4 (3.0), 0 (2.0), 1 (1.5), 6 (1.0), 5 (0.7), 7 (0.6),
     *       2 (0.5): {0, 1, 4}; the marginal sample 1 displaces the misclassified 6.
     * </ul>
     */
    private static final boolean[] WRONG = {true, false, true, false, true, false, true, false};

    private static final double[] MARGIN = {0.3, 0.05, 0.2, 0.6, 0.4, 0.08, 0.1, 0.09};
    private static final double[] LOSS = {2.0, 1.5, 0.5, 0.1, 3.0, 0.7, 1.0, 0.6};

    private static IndexOnlySource pool() {
        return new IndexOnlySource(8, i -> WRONG[i]).withJudged(i -> LOSS[i], i -> MARGIN[i]);
    }

    private static boolean[] correct() {
        boolean[] c = new boolean[8];
        for (int i = 0; i < 8; i++) {
            c[i] = !WRONG[i];
        }
        return c;
    }

    @Test
    void select_keepsTheTopKMisclassified_andEveryMarginalSample() {
        boolean[] marginal = {false, true, false, false, false, true, false, true};
        float[] losses = new float[8];
        for (int i = 0; i < 8; i++) {
            losses[i] = (float) LOSS[i];
        }
        assertThat(SoftAccuracyTopK.select(correct(), marginal, losses, K)).containsExactly(0, 1, 4, 5, 6, 7);
        // k beyond the misclassified: all four of them and the marginal ones; never the confident sample 3
        assertThat(SoftAccuracyTopK.select(correct(), marginal, losses, 5)).containsExactly(0, 1, 2, 4, 5, 6, 7);
        // no marginal sample: plain top-k of the misclassified
        assertThat(SoftAccuracyTopK.select(correct(), new boolean[8], losses, 1))
                .containsExactly(4);
    }

    @Test
    void thesisAndPooledCompositions_selectTheHandComputedSets() {
        AcceptanceRule soft = AcceptanceRule.softAccuracy(ALPHA);

        IndexOnlySource src = pool();
        SamplingStrategy thesis = new SoftAccuracyTopK(new VaryingBatchFilter(8, soft, false), K, soft);
        List<int[]> steps = epoch(thesis, src, 0, IndexOnlySource.identity(8));
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0)).containsExactly(0, 1, 4, 5, 6, 7);
        // the filter forwarded 8 raw samples; Alg. 6 judged the 7 it accepted again, in one forward
        assertThat(src.judged).hasSize(2);
        assertThat(src.judged.get(1)).containsExactly(0, 1, 2, 4, 5, 6, 7);
        SamplerFigures f = thesis.endEpoch();
        assertThat(f.rawForwarded()).isEqualTo(15);
        assertThat(f.accepted()).isEqualTo(6);
        assertThat(f.trained()).isEqualTo(6);
        assertThat(f.steps()).isEqualTo(1);

        SamplingStrategy pooled =
                new LossSelector(new VaryingBatchFilter(8, soft, true), new Selector.TopK(K), new Random(1));
        List<int[]> pooledSteps = epoch(pooled, pool(), 0, IndexOnlySource.identity(8));
        assertThat(pooledSteps).hasSize(1);
        assertThat(pooledSteps.get(0)).containsExactly(0, 1, 4);
    }

    @Test
    void aCorrectSampleThatIsNoLongerMarginal_isDropped_andAPoolOfNothingGivesNoStep() {
        AcceptanceRule soft = AcceptanceRule.softAccuracy(ALPHA);
        // pools of 4 from the archetype, judged as they come: Alg. 6 filters them itself
        IndexOnlySource src = pool();
        SamplingStrategy s = new SoftAccuracyTopK(new Archetype(4), 1, soft);
        List<int[]> steps = epoch(s, src, 0, IndexOnlySource.identity(8));
        // pool 0..3: top-1 misclassified of {0, 2} is 0, marginal 1, confident 3 dropped; pool 4..7: 4, then 5, 7
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).containsExactly(0, 1);
        assertThat(steps.get(1)).containsExactly(4, 5, 7);

        IndexOnlySource confident = new IndexOnlySource(4, i -> false).withJudged(i -> 1, i -> 0.9);
        assertThat(epoch(new SoftAccuracyTopK(new Archetype(4), 1, soft), confident, 0, IndexOnlySource.identity(4)))
                .isEmpty();
    }

    @Test
    void savedStateMidEpoch_givesTheSameNextSelectionsAndFigures() {
        AcceptanceRule soft = AcceptanceRule.softAccuracy(ALPHA);
        IndexOnlySource src = pool();
        SoftAccuracyTopK a = new SoftAccuracyTopK(new Archetype(2), 1, soft);
        a.startEpoch(0, IndexOnlySource.identity(8), src);
        a.nextStep(src);
        StrategyState saved = a.saveState(src);
        List<int[]> rest = StrategyRuns.rest(a, src);
        SoftAccuracyTopK b = new SoftAccuracyTopK(new Archetype(2), 1, soft);
        b.restoreState(saved, src);
        List<int[]> restored = StrategyRuns.rest(b, src);
        assertThat(restored).hasSameSizeAs(rest);
        for (int i = 0; i < rest.size(); i++) {
            assertThat(restored.get(i)).containsExactly(rest.get(i));
        }
        assertThat(b.endEpoch()).isEqualTo(a.endEpoch());
    }
}
