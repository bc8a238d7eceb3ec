package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy that adds one stage around an inner strategy and passes everything else through to it; its
 * checkpoint state holds the inner strategy's state under {@code "inner"}.
 */
public abstract class StrategyDecorator implements SamplingStrategy {
    protected final SamplingStrategy inner;

    protected StrategyDecorator(SamplingStrategy inner) {
        this.inner = Objects.requireNonNull(inner, "inner strategy");
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        inner.startEpoch(epoch, order, source);
    }

    @Override
    public Batch nextStep(SampleSource source) {
        return inner.nextStep(source);
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

    /** {@return the state {@code name} of this stage's {@code own} values plus the inner strategy's state} */
    final StrategyState withInner(String name, Map<String, Serializable> own, SampleSource innerSource) {
        own.put("inner", inner.saveState(innerSource));
        return new StrategyState(name, own);
    }

    /** Restores the inner strategy from a state made by {@link #withInner}. */
    final void restoreInner(Map<String, Serializable> values, SampleSource innerSource) {
        inner.restoreState((StrategyState) values.get("inner"), innerSource);
    }
}
