package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code empty_fallback: random} around the filters: when the filters accepted no sample in a whole epoch
 * and so took no step, the epoch ends with one step on {@code batch_size} random samples instead: the
 * first {@code batch_size} of the epoch's shuffled order (uniform, without repeats), fetched afresh and not
 * judged, as the thesis' preliminary work fell back to random samples (section 3.2.1). The figures show
 * it as accepted 0, one step, {@code batch_size} trained. Samples a batch filter accumulated in earlier
 * epochs keep waiting for their step. {@code empty_fallback: top-up} puts this stage around {@link TopUp}, with
 * the step size {@code TopUp} fills to: an epoch without any step is a pool of nothing, topped up whole.
 */
public final class EmptyFallback extends StrategyDecorator {
    private final int batchSize;
    private int[] order = new int[0];
    private boolean innerDone;
    private int fallbackTrained;

    public EmptyFallback(SamplingStrategy inner, int batchSize) {
        super(inner);
        this.batchSize = Positive.check("batch size", batchSize);
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        this.order = order;
        innerDone = false;
        fallbackTrained = 0;
        inner.startEpoch(epoch, order, source);
    }

    @Override
    public Batch nextStep(SampleSource source) {
        if (innerDone) {
            return null;
        }
        Batch batch = inner.nextStep(source);
        if (batch != null) {
            return batch;
        }
        innerDone = true;
        SamplerFigures f = inner.endEpoch();
        if (f.accepted() > 0 || f.steps() > 0 || order.length == 0) {
            return null;
        }
        int[] random = Arrays.copyOf(order, Math.min(batchSize, order.length));
        fallbackTrained = random.length;
        return source.fetch(random);
    }

    @Override
    public SamplerFigures endEpoch() {
        EpochFigures f = EpochFigures.of(inner.endEpoch());
        if (fallbackTrained > 0) {
            f.trained += fallbackTrained;
            f.steps++;
            f.rawBatches++;
        }
        return f.snapshot();
    }

    /** {@return whether this epoch fell back to random samples} */
    public boolean fellBack() {
        return fallbackTrained > 0;
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        Map<String, Serializable> v = new HashMap<>();
        v.put("order", order.clone());
        v.put("innerDone", innerDone);
        v.put("fallbackTrained", fallbackTrained);
        return withInner("empty-fallback", v, source);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("empty-fallback");
        order = (int[]) v.get("order");
        innerDone = (Boolean) v.get("innerDone");
        fallbackTrained = (Integer) v.get("fallbackTrained");
        restoreInner(v, source);
    }

    @Override
    public String toString() {
        return "empty-fallback(random) > " + inner;
    }
}
