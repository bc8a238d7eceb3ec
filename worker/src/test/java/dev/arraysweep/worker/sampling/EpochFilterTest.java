package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static dev.arraysweep.worker.sampling.StrategyRuns.identity;
import static dev.arraysweep.worker.sampling.StrategyRuns.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.SamplerFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochFilterTest {
    private static EpochFilter filter(SamplingStrategy inner, boolean reuse, int chunk) {
        return new EpochFilter(inner, AcceptanceRule.misclassified(), reuse, chunk);
    }

    @Test
    void keepsTheMisclassifiedInShuffledOrder_inMiniBatchesWithASmallerLast() {
        IndexOnlySource src = new IndexOnlySource(20, i -> i % 2 == 1);
        EpochFilter f = filter(new Archetype(3), false, 8);
        int[] order = {19, 0, 3, 4, 5, 8, 1, 2, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
        List<int[]> steps = epoch(f, src, 0, order);
        assertThat(steps).extracting(s -> s.length).containsExactly(3, 3, 3, 1);
        assertThat(steps.get(0)).containsExactly(19, 3, 5);
        assertThat(steps.get(1)).containsExactly(1, 7, 9);
        assertThat(steps.get(3)).containsExactly(17);
        SamplerFigures fig = f.endEpoch();
        assertThat(fig.rawForwarded()).isEqualTo(20);
        assertThat(fig.accepted()).isEqualTo(10);
        assertThat(fig.trained()).isEqualTo(10);
        assertThat(fig.steps()).isEqualTo(4);
        assertThat(fig.acceptanceRatio()).isEqualTo(0.5);
    }

    @Test
    void judgesTheWholeOrderInChunks_beforeTheFirstStep() {
        IndexOnlySource src = new IndexOnlySource(20, i -> i % 2 == 1);
        EpochFilter f = filter(new Archetype(4), false, 8);
        f.startEpoch(0, identity(20), src);
        assertThat(src.judged).extracting(j -> j.length).containsExactly(8, 8, 4);
        assertThat(src.judged.get(2)).containsExactly(16, 17, 18, 19);
    }

    @Test
    void resample_fetchesTheKeptIndicesAgain_reuse_trainsOnTheJudgedRows() {
        IndexOnlySource resampleSrc = new IndexOnlySource(12, i -> i < 5);
        epoch(filter(new Archetype(2), false, 6), resampleSrc, 0, identity(12));
        // two judging chunks, then fresh (re-augmented) fetches of the kept samples
        assertThat(resampleSrc.fetched).hasSize(2 + 3);
        assertThat(resampleSrc.fetched.get(2)).containsExactly(0, 1);

        IndexOnlySource reuseSrc = new IndexOnlySource(12, i -> i < 5);
        List<int[]> steps = epoch(filter(new Archetype(2), true, 6), reuseSrc, 0, identity(12));
        assertThat(reuseSrc.fetched).hasSize(2); // only the judging chunks: training reuses their tensors
        assertThat(steps).extracting(s -> s.length).containsExactly(2, 2, 1);
        assertThat(steps.get(2)).containsExactly(4);
    }

    @Test
    void thenBatchFilter_iteratesTheKeptOrderAndJudgesItAgain() {
        IndexOnlySource src = new IndexOnlySource(20, i -> i % 2 == 1);
        EpochFilter f = filter(
                new BatchFilter(
                        2, RawBatchSizer.fixed(4), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD),
                false,
                8);
        f.startEpoch(0, identity(20), src);
        src.setWrong(i -> i % 4 == 1); // the model changed: of the kept odd indices only 1, 5, 9, ... are wrong
        List<int[]> steps = rest(f, src);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).containsExactly(1, 5);
        assertThat(steps.get(1)).containsExactly(9, 13);
        SamplerFigures fig = f.endEpoch();
        assertThat(fig.rawForwarded()).isEqualTo(20 + 10);
        assertThat(fig.accepted()).isEqualTo(5); // 17 waits in the batch filter for the next epoch
        assertThat(fig.trained()).isEqualTo(4);
        assertThat(fig.steps()).isEqualTo(2);
        assertThat(fig.meanRawBatchesPerStep()).isEqualTo(1.0);
    }

    @Test
    void acceptingNothing_isAnEpochWithZeroSteps() {
        IndexOnlySource src = new IndexOnlySource(10, i -> false);
        EpochFilter f = filter(new Archetype(4), true, 4);
        assertThat(epoch(f, src, 0, identity(10))).isEmpty();
        SamplerFigures fig = f.endEpoch();
        assertThat(fig.steps()).isZero();
        assertThat(fig.trained()).isZero();
        assertThat(fig.rawForwarded()).isEqualTo(10);
        assertThat(fig.acceptanceRatio()).isZero();
    }

    @Test
    void softRule_alsoKeepsCorrectSamplesWithinTheMargin() {
        IndexOnlySource src = new IndexOnlySource(6, i -> i == 0); // margins are 0.5 for every sample
        EpochFilter soft = new EpochFilter(new Archetype(6), AcceptanceRule.softAccuracy(0.6), false, 6);
        assertThat(epoch(soft, src, 0, identity(6)).get(0)).containsExactly(0, 1, 2, 3, 4, 5);
        EpochFilter tight = new EpochFilter(new Archetype(6), AcceptanceRule.softAccuracy(0.4), false, 6);
        assertThat(epoch(tight, src, 0, identity(6)).get(0)).containsExactly(0);
    }

    @Test
    void savedStateMidEpoch_givesTheSameNextSelections_reuseIncluded() {
        for (boolean reuse : new boolean[] {false, true}) {
            IndexOnlySource src = new IndexOnlySource(30, i -> i % 3 != 0);
            EpochFilter a = filter(
                    new BatchFilter(
                            3, RawBatchSizer.fixed(4), AcceptanceRule.misclassified(), BatchFilter.Overflow.CARRY),
                    reuse,
                    7);
            a.startEpoch(0, identity(30), src);
            a.nextStep(src);
            a.nextStep(src);
            StrategyState saved = a.saveState(src);
            List<int[]> expected = rest(a, src);
            EpochFilter b = filter(
                    new BatchFilter(
                            3, RawBatchSizer.fixed(4), AcceptanceRule.misclassified(), BatchFilter.Overflow.CARRY),
                    reuse,
                    7);
            b.restoreState(saved, src);
            assertThat(rest(b, src))
                    .as("reuse " + reuse)
                    .containsExactlyElementsOf(expected)
                    .isNotEmpty();
            assertThat(b.endEpoch()).isEqualTo(a.endEpoch());
        }
    }
}
