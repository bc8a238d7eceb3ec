package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * Loss selection after the steps of an inner strategy (thesis Alg. 3-5, section 5.4). Each batch the inner
 * strategy would train on is the <em>pool</em>: a mini-batch of {@code batch_size} from the shuffled order
 * (selector alone), from the epoch filter's kept samples (after an epoch filter) or the batch filter's
 * accumulated {@code batch_size} accepted samples (after a batch filter). The pool is judged with a fresh
 * no-gradient forward (the current model's losses), unless the inner strategy already knows those losses
 * (a batch filter keeping them: its own judgement of the pool's samples, made under the same weights, is
 * reused and the pool is not forwarded again), and the step trains only on the samples the
 * {@link Selector} picks: {@code min(k, pool)} for top-k, loss-weighted and q-split, the samples at or above
 * the pool's loss quantile for top-q. Epoch boundaries and step counts are the inner strategy's.
 *
 * <p>With a {@link PowerSchedule} that decays (seed 004 l.1405), each epoch selects with the selector of that
 * epoch's power; the epoch is part of the checkpoint, so a run resumed mid-epoch selects with the same power.
 */
public final class LossSelector extends StrategyDecorator {
    private static final Set<Judgement.Part> LOSSES = EnumSet.of(Judgement.Part.LOSSES);
    private final PowerSchedule schedule;
    private final DoubleFunction<Selector> withPower;
    private Selector selector;
    private int epoch;
    private Random rng;
    private final EpochFigures own = new EpochFigures();

    /** @param rng the generator of the random selectors, seeded from the run's seed */
    public LossSelector(SamplingStrategy inner, Selector selector, Random rng) {
        this(inner, PowerSchedule.constant(1), power -> selector, rng);
    }

    /**
     * A selection whose power follows {@code schedule}.
     *
     * @param withPower the selector of a given power
     * @param rng the generator of the random selectors, seeded from the run's seed
     */
    public LossSelector(
            SamplingStrategy inner, PowerSchedule schedule, DoubleFunction<Selector> withPower, Random rng) {
        super(inner);
        this.schedule = schedule;
        this.withPower = withPower;
        this.selector = withPower.apply(schedule.at(0));
        this.rng = rng;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        own.reset();
        useEpoch(epoch);
        inner.startEpoch(epoch, order, source);
    }

    private void useEpoch(int e) {
        epoch = e;
        selector = withPower.apply(schedule.at(e));
    }

    /** {@return the selector of the current epoch} */
    Selector selector() {
        return selector;
    }

    @Override
    public Batch nextStep(SampleSource source) {
        Batch pool;
        while ((pool = inner.nextStep(source)) != null) {
            float[] known = inner.knownLosses(pool);
            int[] rows = selector.select(
                    known != null ? known : source.judge(pool, LOSSES).losses(), rng);
            if (known == null) {
                own.rawForwarded += pool.size();
            }
            own.accepted += rows.length;
            if (rows.length == pool.size() && isIdentity(rows)) {
                return pool;
            }
            Batch step = rows.length == 0 ? null : source.rows(pool, rows); // none only for NaN losses
            source.release(pool);
            if (step != null) {
                return step;
            }
        }
        return null;
    }

    private static boolean isIdentity(int[] rows) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Pool forwards add to the inner strategy's; accepted and trained are the selected samples. */
    @Override
    public SamplerFigures endEpoch() {
        return EpochFigures.selected(inner.endEpoch(), own);
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        Map<String, Serializable> v = new HashMap<>();
        v.put("rng", Rngs.save(rng));
        v.put("figures", own.toArray());
        v.put("epoch", epoch);
        return withInner("loss-selector", v, source);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("loss-selector");
        rng = Rngs.restore((byte[]) v.get("rng"));
        own.fromArray((long[]) v.get("figures"));
        if (v.get("epoch") instanceof Integer e) { // absent from checkpoints made before power decay
            useEpoch(e);
        }
        restoreInner(v, source);
    }

    @Override
    public String toString() {
        return (schedule.decay() == PowerSchedule.Decay.NONE ? selector : selector + " with " + schedule) + " > "
                + inner;
    }
}
