package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

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
        Map<String, Serializable> v = new HashMap<>();
        epochOrder.saveTo(v);
        v.put("figures", figures.toArray());
        return new StrategyState("none", v);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("none");
        epochOrder.restoreFrom(v);
        figures.fromArray((long[]) v.get("figures"));
    }

    @Override
    public String toString() {
        return "mini-batches(" + batchSize + ")";
    }
}
