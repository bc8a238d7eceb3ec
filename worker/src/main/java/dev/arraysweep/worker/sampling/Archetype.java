package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;

/**
 * The archetype (thesis Alg. 1): every sample of the shuffled epoch, in mini-batches of {@code batchSize};
 * the last batch of an epoch may be smaller, as with PyTorch's DataLoader.
 */
public final class Archetype implements SamplingStrategy {
    private final int batchSize;
    private final EpochFigures figures = new EpochFigures();
    private final EpochOrder epochOrder = new EpochOrder();

    public Archetype(int batchSize) {
        this.batchSize = Positive.check("batch size", batchSize);
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        epochOrder.start(order);
        figures.reset();
    }

    @Override
    public Batch nextStep(SampleSource source) {
        if (epochOrder.exhausted()) {
            return null;
        }
        int[] idx = epochOrder.take(batchSize);
        figures.trained += idx.length;
        figures.accepted += idx.length;
        figures.steps++;
        figures.rawBatches++;
        return source.fetch(idx);
    }

    @Override
    public SamplerFigures endEpoch() {
        return figures.snapshot();
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        return new StrategyState("none", epochOrder.savedWith(figures));
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        epochOrder.restoreWith(state.valuesOf("none"), figures);
    }

    @Override
    public String toString() {
        return "mini-batches(" + batchSize + ")";
    }
}
