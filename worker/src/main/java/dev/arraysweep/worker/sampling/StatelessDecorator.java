package dev.arraysweep.worker.sampling;

/**
 * A stage around an inner strategy that keeps nothing a resumed run needs (a counter for a benchmark, a probe in a
 * test): its checkpoint state is the inner strategy's, saved and restored as it is. A stage with state of its own
 * extends {@link StrategyDecorator} and saves it with the inner state.
 */
public abstract class StatelessDecorator extends StrategyDecorator {
    protected StatelessDecorator(SamplingStrategy inner) {
        super(inner);
    }

    @Override
    public final StrategyState saveState(SampleSource source) {
        return inner.saveState(source);
    }

    @Override
    public final void restoreState(StrategyState state, SampleSource source) {
        inner.restoreState(state, source);
    }
}
