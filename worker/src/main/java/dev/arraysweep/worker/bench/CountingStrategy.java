package dev.arraysweep.worker.bench;

import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.SampleSource;
import dev.arraysweep.worker.sampling.SamplingStrategy;
import dev.arraysweep.worker.sampling.StrategyState;

/** Passes everything to a run's strategy and counts the steps it hands out and the samples in them. */
final class CountingStrategy implements SamplingStrategy {
    private final SamplingStrategy inner;
    private long steps;
    private long samples;

    CountingStrategy(SamplingStrategy inner) {
        this.inner = inner;
    }

    long steps() {
        return steps;
    }

    long samples() {
        return samples;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        inner.startEpoch(epoch, order, source);
    }

    @Override
    public Batch nextStep(SampleSource source) {
        Batch b = inner.nextStep(source);
        if (b != null) {
            steps++;
            samples += b.size();
        }
        return b;
    }

    @Override
    public boolean wantsStepLosses() {
        return inner.wantsStepLosses();
    }

    @Override
    public void afterStep(Batch batch, float[] losses) {
        inner.afterStep(batch, losses);
    }

    @Override
    public SamplerFigures endEpoch() {
        return inner.endEpoch();
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        return inner.saveState(source);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        inner.restoreState(state, source);
    }
}
