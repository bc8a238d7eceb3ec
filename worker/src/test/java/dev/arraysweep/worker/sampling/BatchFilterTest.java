package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.SamplerFigures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchFilterTest {
    @Test
    void trainsOnlyOnMisclassified_inStepsOfExactlyBatchSize() {
        IndexOnlySource src = new IndexOnlySource(40, i -> i % 2 == 1);
        BatchFilter f = new BatchFilter(
                4, RawBatchSizer.fixed(6), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD);
        List<int[]> steps = epoch(f, src, 0, IndexOnlySource.identity(40));
        // raw batches of 6 give 3 odd indices each: two raw batches fill a step of 4, 2 overflow discarded
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0)).containsExactly(1, 3, 5, 7);
        assertThat(steps.get(1)).containsExactly(13, 15, 17, 19);
        for (int[] s : steps) {
            assertThat(s).hasSize(4);
            assertThat(java.util.Arrays.stream(s).allMatch(i -> i % 2 == 1)).isTrue();
        }
        SamplerFigures fig = f.endEpoch();
        assertThat(fig.rawForwarded()).isEqualTo(40);
        assertThat(fig.accepted()).isEqualTo(20);
        assertThat(fig.trained()).isEqualTo(12);
        assertThat(fig.overflowDiscarded()).isEqualTo(6);
        assertThat(fig.steps()).isEqualTo(3);
        assertThat(fig.meanRawBatchesPerStep()).isEqualTo(2.0);
        assertThat(fig.acceptanceRatio()).isEqualTo(0.5);
    }

    @Test
    void accumulationSpansEpochs_andAnEpochMayHaveZeroSteps() {
        // only index 3 is ever misclassified: one accepted sample per epoch of 10, batch size 3
        IndexOnlySource src = new IndexOnlySource(10, i -> i == 3);
        BatchFilter f = new BatchFilter(
                3, RawBatchSizer.fixed(5), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD);
        assertThat(epoch(f, src, 0, IndexOnlySource.identity(10))).isEmpty();
        assertThat(f.endEpoch().steps()).isZero();
        assertThat(f.accumulatedCount()).isEqualTo(1);
        assertThat(epoch(f, src, 1, IndexOnlySource.identity(10))).isEmpty();
        List<int[]> third = epoch(f, src, 2, IndexOnlySource.identity(10));
        assertThat(third).hasSize(1);
        assertThat(third.get(0)).containsExactly(3, 3, 3);
        assertThat(f.endEpoch().trained()).isEqualTo(3);
    }

    @Test
    void carryKeepsTheSurplusForTheNextStep() {
        IndexOnlySource src = new IndexOnlySource(12, i -> true);
        BatchFilter f =
                new BatchFilter(4, RawBatchSizer.fixed(5), AcceptanceRule.misclassified(), BatchFilter.Overflow.CARRY);
        List<int[]> steps = epoch(f, src, 0, IndexOnlySource.identity(12));
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0)).containsExactly(0, 1, 2, 3);
        assertThat(steps.get(1)).containsExactly(4, 5, 6, 7);
        assertThat(steps.get(2)).containsExactly(8, 9, 10, 11);
        assertThat(f.endEpoch().overflowDiscarded()).isZero();
    }

    @Test
    void savedStateMidEpoch_givesTheSameNextSelections() {
        IndexOnlySource src = new IndexOnlySource(30, i -> i % 3 == 0);
        BatchFilter a =
                new BatchFilter(4, RawBatchSizer.fixed(7), AcceptanceRule.misclassified(), BatchFilter.Overflow.CARRY);
        a.startEpoch(0, IndexOnlySource.identity(30), src);
        a.nextStep(src);
        StrategyState saved = a.saveState(src);
        List<int[]> rest = new ArrayList<>();
        Batch b;
        while ((b = a.nextStep(src)) != null) {
            rest.add(b.indices());
        }
        BatchFilter restored =
                new BatchFilter(4, RawBatchSizer.fixed(7), AcceptanceRule.misclassified(), BatchFilter.Overflow.CARRY);
        restored.restoreState(saved, src);
        List<int[]> again = new ArrayList<>();
        while ((b = restored.nextStep(src)) != null) {
            again.add(b.indices());
        }
        assertThat(again).containsExactlyElementsOf(rest);
        assertThat(restored.endEpoch()).isEqualTo(a.endEpoch());
    }

    @Test
    void adaptiveRawBatch_forwardsLessThanFixedWhenAcceptanceIsLow() {
        int n = 2000;
        IndexOnlySource fixedSrc = new IndexOnlySource(n, i -> i % 10 == 0);
        BatchFilter fixed = new BatchFilter(
                8, RawBatchSizer.fixed(64), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD);
        epoch(fixed, fixedSrc, 0, IndexOnlySource.identity(n));
        IndexOnlySource adaptiveSrc = new IndexOnlySource(n, i -> i % 10 == 0);
        BatchFilter adaptive = new BatchFilter(
                8, RawBatchSizer.adaptive(64, 256), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD);
        epoch(adaptive, adaptiveSrc, 0, IndexOnlySource.identity(n));
        SamplerFigures f = fixed.endEpoch();
        SamplerFigures a = adaptive.endEpoch();
        assertThat(a.overflowDiscarded()).isLessThan(f.overflowDiscarded());
        assertThat(a.trained()).isGreaterThan(f.trained());
    }

    @Test
    void softFilter_acceptsCorrectSamplesWithinTheMargin() {
        Judgement j = new Judgement(new boolean[] {true, true, false}, new float[3], new float[] {0.05f, 0.6f, 0.9f});
        assertThat(AcceptanceRule.softAccuracy(0.1).accept(j)).containsExactly(true, false, true);
        assertThat(AcceptanceRule.misclassified().accept(j)).containsExactly(false, false, true);
    }

    @Test
    void archetype_coversTheEpochWithASmallerLastBatch() {
        IndexOnlySource src = new IndexOnlySource(10, i -> false);
        Archetype a = new Archetype(4);
        List<int[]> steps = epoch(a, src, 0, new int[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
        assertThat(steps).extracting(s -> s.length).containsExactly(4, 4, 2);
        assertThat(steps.get(0)).containsExactly(9, 8, 7, 6);
        assertThat(src.judged).isEmpty();
        assertThat(a.endEpoch().trained()).isEqualTo(10);
    }
}
