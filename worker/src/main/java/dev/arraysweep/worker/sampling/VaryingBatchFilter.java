package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.util.EnumSet;
import java.util.Set;

/**
 * Batchwise filtering with a varying batch size (thesis Alg. 9, seed 004 §3.3.2 l.1657-1684,
 * {@code batch_mode: vary}): each raw batch of the shuffled epoch is judged without gradients and trains, as
 * one step, on exactly the samples it accepted (Alg. 9 l.3-9); a raw batch that accepts nothing takes no step.
 * Nothing is carried to a later step or epoch, nothing overflows. An epoch is one pass over the raw data.
 *
 * <p>The learning rate is left as it is: a step's loss is the mean over the samples it trains, as the thesis'
 * loop computes it, so a small accepted set weighs each of its samples more, which the thesis names as this
 * variant's catch ("effectively overriding the set learning rate", l.1676-1680). Raw batches are
 * {@code accumulation_batch_size} samples (the thesis' {@code sizeMB}, l.1664; by default the batch size),
 * fixed: the adaptive sizing of §5.2.2 fights the accumulation overhead of Alg. 10, which this loop does not
 * have. Asked to keep losses (a loss selector follows), its judgement also computes each raw sample's loss in
 * the same forward and hands the step's losses to the selector ({@link #knownLosses}); they are always current,
 * since no step comes between a raw batch's judgement and its own step.
 */
public final class VaryingBatchFilter implements SamplingStrategy {
    private final int rawBatchSize;
    private final AcceptanceRule rule;
    private final boolean keepLosses;
    private final EpochFigures figures = new EpochFigures();
    private final EpochOrder epochOrder = new EpochOrder();
    private Batch lastStep;
    private float[] lastStepLosses;

    /**
     * @param rawBatchSize samples judged per raw batch
     * @param keepLosses whether to compute and keep the losses of accepted samples for a selector
     */
    public VaryingBatchFilter(int rawBatchSize, AcceptanceRule rule, boolean keepLosses) {
        this.rawBatchSize = Positive.check("raw batch size", rawBatchSize);
        this.rule = rule;
        this.keepLosses = keepLosses;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        epochOrder.start(order);
        figures.reset();
    }

    @Override
    public Batch nextStep(SampleSource source) {
        while (!epochOrder.exhausted()) {
            int[] idx = epochOrder.take(rawBatchSize);
            Batch raw = source.fetch(idx);
            Judgement judged = source.judge(raw, parts());
            int[] rows = Positions.accepted(rule.accept(judged));
            figures.rawForwarded += idx.length;
            figures.accepted += rows.length;
            figures.rawBatches++;
            if (rows.length == 0) {
                source.release(raw);
                continue;
            }
            Batch step = raw;
            float[] losses = keepLosses ? judged.losses() : null;
            if (rows.length < idx.length) {
                step = source.rows(raw, rows);
                source.release(raw);
                losses = losses == null ? null : pick(losses, rows);
            }
            figures.trained += rows.length;
            figures.steps++;
            lastStep = step;
            lastStepLosses = losses;
            return step;
        }
        return null;
    }

    private Set<Judgement.Part> parts() {
        if (!keepLosses) {
            return rule.needs();
        }
        Set<Judgement.Part> parts = EnumSet.of(Judgement.Part.LOSSES);
        parts.addAll(rule.needs());
        return parts;
    }

    private static float[] pick(float[] values, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    @Override
    public float[] knownLosses(Batch step) {
        return step == lastStep ? lastStepLosses : null;
    }

    /** Steps are the raw batches that accepted something; raw batches per step count the empty ones too. */
    @Override
    public SamplerFigures endEpoch() {
        return figures.snapshot();
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        return new StrategyState("varying-batch-filter", epochOrder.savedWith(figures));
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        epochOrder.restoreWith(state.valuesOf("varying-batch-filter"), figures);
        lastStep = null;
        lastStepLosses = null;
    }

    @Override
    public String toString() {
        return "varying-batch-filter(" + rule + ", raw batch " + rawBatchSize + (keepLosses ? ", keeping losses" : "")
                + ")";
    }
}
