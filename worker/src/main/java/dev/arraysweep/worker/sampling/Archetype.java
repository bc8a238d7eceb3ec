package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * The archetype (thesis Alg. 1): every sample of the shuffled epoch, in mini-batches of {@code batchSize};
 * the last batch of an epoch may be smaller, as with PyTorch's DataLoader.
 */
public final class Archetype implements SamplingStrategy {
    private final int batchSize;
    private final EpochFigures figures = new EpochFigures();
    private int[] order = new int[0];
    private int cursor;

    public Archetype(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        this.order = order;
        this.cursor = 0;
        figures.reset();
    }

    @Override
    public Batch nextStep(SampleSource source) {
        if (cursor >= order.length) {
            return null;
        }
        int[] idx = Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + batchSize));
        cursor += idx.length;
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
        return new StrategyState("none", Map.of("order", order.clone(), "cursor", cursor,
                "figures", figures.toArray()));
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("none");
        order = (int[]) v.get("order");
        cursor = (Integer) v.get("cursor");
        figures.fromArray((long[]) v.get("figures"));
    }

    @Override
    public String toString() {
        return "mini-batches(" + batchSize + ")";
    }
}
