package dev.arraysweep.worker.sampling;

import static dev.arraysweep.worker.sampling.StrategyRuns.epoch;
import static dev.arraysweep.worker.sampling.StrategyRuns.identity;
import static dev.arraysweep.worker.sampling.StrategyRuns.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.SamplerFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmptyFallbackTest {
    private static BatchFilter batchFilter(int batch, int raw) {
        return new BatchFilter(
                batch, RawBatchSizer.fixed(raw), AcceptanceRule.misclassified(), BatchFilter.Overflow.DISCARD);
    }

    @Test
    void batchFilterAcceptingNothing_endsTheEpochWithOneStepOnTheFirstSamplesOfTheOrder() {
        IndexOnlySource src = new IndexOnlySource(10, i -> false);
        EmptyFallback f = new EmptyFallback(batchFilter(4, 5), 4);
        int[] order = {7, 2, 9, 0, 4, 1, 8, 3, 6, 5};
        List<int[]> steps = epoch(f, src, 0, order);
        assertThat(steps).containsExactly(new int[] {7, 2, 9, 0});
        assertThat(f.fellBack()).isTrue();
        SamplerFigures fig = f.endEpoch();
        assertThat(fig.rawForwarded()).isEqualTo(10);
        assertThat(fig.accepted()).isZero();
        assertThat(fig.trained()).isEqualTo(4);
        assertThat(fig.steps()).isEqualTo(1);
        assertThat(fig.acceptanceRatio()).isZero();
    }

    @Test
    void epochFilterAcceptingNothing_fallsBackToo() {
        IndexOnlySource src = new IndexOnlySource(6, i -> false);
        EmptyFallback f =
                new EmptyFallback(new EpochFilter(new Archetype(4), AcceptanceRule.misclassified(), true, 4), 4);
        assertThat(epoch(f, src, 0, identity(6))).containsExactly(new int[] {0, 1, 2, 3});
        assertThat(f.endEpoch().trained()).isEqualTo(4);
    }

    @Test
    void acceptedSamplesWaitingForAStep_areNotAnEmptyEpoch() {
        IndexOnlySource src = new IndexOnlySource(10, i -> i == 3);
        EmptyFallback f = new EmptyFallback(batchFilter(4, 5), 4);
        assertThat(epoch(f, src, 0, identity(10))).isEmpty();
        assertThat(f.fellBack()).isFalse();
        assertThat(f.endEpoch().accepted()).isEqualTo(1);
        // the next epoch nothing is accepted: the waiting sample stays, a random step is taken
        src.setWrong(i -> false);
        assertThat(epoch(f, src, 1, identity(10))).containsExactly(new int[] {0, 1, 2, 3});
    }

    @Test
    void savedStateAfterTheFallbackStep_endsTheEpoch() {
        IndexOnlySource src = new IndexOnlySource(8, i -> false);
        EmptyFallback a = new EmptyFallback(batchFilter(2, 4), 2);
        a.startEpoch(0, identity(8), src);
        assertThat(a.nextStep(src).indices()).containsExactly(0, 1);
        StrategyState saved = a.saveState(src);
        EmptyFallback b = new EmptyFallback(batchFilter(2, 4), 2);
        b.restoreState(saved, src);
        assertThat(rest(b, src)).isEmpty();
        assertThat(b.endEpoch()).isEqualTo(a.endEpoch());
    }
}
