package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.SamplerFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thesis Alg. 9 (seed 004 §3.3.2 l.1657-1684): each raw batch trains on what it accepted. */
class VaryingBatchFilterTest {
    @Test
    void eachRawBatchTrainsOnWhatItAccepted_andAnEmptyOneTakesNoStep() {
        // 14 samples in raw batches of 4: {0..3} accepts 1, 2, 3; {4..7} nothing; {8..11} 9, 11; {12, 13} 13
        IndexOnlySource src = new IndexOnlySource(14, i -> i == 1 || i == 2 || i == 3 || i == 9 || i == 11 || i == 13);
        VaryingBatchFilter f = new VaryingBatchFilter(4, AcceptanceRule.misclassified(), false);
        List<int[]> steps = epoch(f, src, 0, IndexOnlySource.identity(14));
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0)).containsExactly(1, 2, 3);
        assertThat(steps.get(1)).containsExactly(9, 11);
        assertThat(steps.get(2)).containsExactly(13);
        assertThat(src.fetched).hasSize(4);
        SamplerFigures fig = f.endEpoch();
        assertThat(fig.rawForwarded()).isEqualTo(14);
        assertThat(fig.accepted()).isEqualTo(6);
        assertThat(fig.trained()).isEqualTo(6);
        assertThat(fig.overflowDiscarded()).isZero();
        assertThat(fig.steps()).isEqualTo(3);
        assertThat(fig.meanRawBatchesPerStep()).isEqualTo(4.0 / 3);
        assertThat(fig.acceptanceRatio()).isEqualTo(6.0 / 14);
    }

    @Test
    void rawBatchesFollowTheEpochsOrder_andNothingIsCarriedToTheNextEpoch() {
        // raw batches 5 0 7 2 | 6 1 3 4 of the order; the even samples are misclassified
        IndexOnlySource src = new IndexOnlySource(8, i -> i % 2 == 0);
        VaryingBatchFilter f = new VaryingBatchFilter(4, AcceptanceRule.misclassified(), false);
        List<int[]> steps = epoch(f, src, 0, new int[] {5, 0, 7, 2, 6, 1, 3, 4});
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).containsExactly(0, 2);
        assertThat(steps.get(1)).containsExactly(6, 4);

        // one accepted sample per epoch: batch accumulation (Alg. 10) waits for batch_size of them across epochs,
        // the varying batch trains it at once, every epoch
        src.setWrong(i -> i == 3);
        for (int e = 1; e <= 3; e++) {
            List<int[]> only = epoch(f, src, e, IndexOnlySource.identity(8));
            assertThat(only).hasSize(1);
            assertThat(only.get(0)).containsExactly(3);
        }
        BatchFilter accumulate = new BatchFilter(
                4, RawBatchSizer.fixed(4), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD);
        assertThat(epoch(accumulate, src, 0, IndexOnlySource.identity(8))).isEmpty();
    }

    @Test
    void keptLossesAreThoseOfTheStepsSamples() {
        IndexOnlySource src = new IndexOnlySource(6, i -> i != 1).withJudged(i -> 10 + i, i -> 0.5);
        VaryingBatchFilter f = new VaryingBatchFilter(3, AcceptanceRule.misclassified(), true);
        f.startEpoch(0, IndexOnlySource.identity(6), src);
        Batch first = f.nextStep(src);
        assertThat(first.indices()).containsExactly(0, 2);
        assertThat(f.knownLosses(first)).containsExactly(10f, 12f);
        Batch second = f.nextStep(src);
        assertThat(second.indices()).containsExactly(3, 4, 5);
        assertThat(f.knownLosses(second)).containsExactly(13f, 14f, 15f);
        assertThat(f.knownLosses(first)).as("only the last step's").isNull();
    }

    @Test
    void savedStateMidEpoch_givesTheSameNextSelectionsAndFigures() {
        IndexOnlySource src = new IndexOnlySource(30, i -> i % 3 == 0);
        VaryingBatchFilter a = new VaryingBatchFilter(7, AcceptanceRule.misclassified(), false);
        a.startEpoch(0, IndexOnlySource.identity(30), src);
        a.nextStep(src);
        StrategyState saved = a.saveState(src);
        List<int[]> rest = StrategyRuns.rest(a, src);
        VaryingBatchFilter b = new VaryingBatchFilter(7, AcceptanceRule.misclassified(), false);
        b.restoreState(saved, src);
        List<int[]> restored = StrategyRuns.rest(b, src);
        // raw batches of 7 accept 0 3 6 | 9 12 | 15 18 | 21 24 27 | nothing (28, 29): the first step is taken
        assertThat(restored).hasSameSizeAs(rest).hasSize(3);
        for (int i = 0; i < rest.size(); i++) {
            assertThat(restored.get(i)).containsExactly(rest.get(i));
        }
        assertThat(b.endEpoch()).isEqualTo(a.endEpoch());
        assertThat(a.endEpoch().steps()).isEqualTo(4);
    }
}
