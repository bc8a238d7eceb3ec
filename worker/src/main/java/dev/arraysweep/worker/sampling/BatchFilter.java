package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Batchwise filtering with batch accumulation (thesis Alg. 10): raw batches of the shuffled epoch are
 * judged without gradients; accepted samples accumulate across raw batches and across epochs; when at
 * least {@code batchSize} are accumulated, one step trains on exactly {@code batchSize} of them. The
 * surplus is discarded (the thesis) or carried into the next step. An epoch is one pass over the raw data,
 * so it may end with zero steps.
 *
 * <p>Asked to keep losses (a loss selector follows), its judgement also computes each raw sample's loss, in the
 * same forward, and it hands the losses of a step's samples to the selector ({@link #knownLosses}) when every
 * one of them was judged since the last step, that is under the weights the step trains: always with
 * {@code overflow: discard}; with {@code carry}, not for a step that holds carried samples (judged before the
 * previous step), whose pool the selector judges again.
 */
public final class BatchFilter implements SamplingStrategy {
    /** What happens to accepted samples beyond a full step. */
    public enum Overflow {
        DISCARD,
        CARRY
    }

    private final int batchSize;
    private final RawBatchSizer sizer;
    private final AcceptanceRule rule;
    private final Overflow overflow;
    private final boolean keepLosses;
    private final EpochFigures figures = new EpochFigures();
    private final List<Batch> accumulated = new ArrayList<>();
    /** Parallel to {@link #accumulated}: each part's losses when kept and still current, else null. */
    private final List<float[]> accumulatedLosses = new ArrayList<>();

    private Batch lastStep;
    private float[] lastStepLosses;
    private int accumulatedCount;
    private int rawBatchesSinceStep;
    private final EpochOrder epochOrder = new EpochOrder();

    public BatchFilter(int batchSize, RawBatchSizer sizer, AcceptanceRule rule, Overflow overflow) {
        this(batchSize, sizer, rule, overflow, false);
    }

    /** @param keepLosses whether to compute and keep the losses of accepted samples for a selector */
    public BatchFilter(int batchSize, RawBatchSizer sizer, AcceptanceRule rule, Overflow overflow, boolean keepLosses) {
        this.batchSize = Positive.check("batch size", batchSize);
        this.sizer = sizer;
        this.rule = rule;
        this.overflow = overflow;
        this.keepLosses = keepLosses;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        epochOrder.start(order);
        figures.reset();
    }

    @Override
    public Batch nextStep(SampleSource source) {
        while (accumulatedCount < batchSize) {
            if (epochOrder.exhausted()) {
                return null; // the accumulated samples wait for the next epoch
            }
            int[] idx = epochOrder.take(sizer.next(batchSize - accumulatedCount));
            Batch raw = source.fetch(idx);
            Judgement judged = source.judge(raw, parts());
            boolean[] accept = rule.accept(judged);
            int[] rows = Positions.accepted(accept);
            figures.rawForwarded += idx.length;
            figures.accepted += rows.length;
            rawBatchesSinceStep++;
            sizer.observe(idx.length, rows.length);
            if (rows.length == idx.length) {
                accumulated.add(raw);
                accumulatedLosses.add(keepLosses ? judged.losses() : null);
            } else {
                if (rows.length > 0) {
                    accumulated.add(source.rows(raw, rows));
                    accumulatedLosses.add(keepLosses ? pick(judged.losses(), rows) : null);
                }
                source.release(raw);
            }
            accumulatedCount += rows.length;
        }
        return takeStep(source);
    }

    private Set<Judgement.Part> parts() {
        if (!keepLosses) {
            return rule.needs();
        }
        Set<Judgement.Part> parts = EnumSet.of(Judgement.Part.LOSSES);
        parts.addAll(rule.needs());
        return parts;
    }

    private Batch takeStep(SampleSource source) {
        Batch all = accumulated.size() == 1 ? accumulated.get(0) : source.concat(accumulated);
        if (accumulated.size() > 1) {
            accumulated.forEach(source::release);
        }
        float[] losses = concat(accumulatedLosses);
        accumulated.clear();
        accumulatedLosses.clear();
        Batch step = all;
        int surplus = all.size() - batchSize;
        if (surplus > 0) {
            step = source.rows(all, Positions.range(0, batchSize));
            losses = losses == null ? null : Arrays.copyOf(losses, batchSize);
            if (overflow == Overflow.CARRY) {
                accumulated.add(source.rows(all, Positions.range(batchSize, all.size())));
                accumulatedLosses.add(null); // judged before this step trains: stale after it
            } else {
                figures.overflow += surplus;
            }
            source.release(all);
        }
        lastStep = step;
        lastStepLosses = losses;
        accumulatedCount = overflow == Overflow.CARRY ? Math.max(0, surplus) : 0;
        figures.trained += batchSize;
        figures.steps++;
        figures.rawBatches += rawBatchesSinceStep;
        rawBatchesSinceStep = 0;
        return step;
    }

    @Override
    public float[] knownLosses(Batch step) {
        return step == lastStep ? lastStepLosses : null;
    }

    private static float[] pick(float[] values, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** {@return the parts joined, or null when any is unknown} */
    private static float[] concat(List<float[]> parts) {
        int n = 0;
        for (float[] p : parts) {
            if (p == null) {
                return null;
            }
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Override
    public SamplerFigures endEpoch() {
        return figures.snapshot();
    }

    /** {@return how many accepted samples wait for the next step} */
    public int accumulatedCount() {
        return accumulatedCount;
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        Map<String, Serializable> v = epochOrder.savedWith(figures);
        v.put("rawBatchesSinceStep", rawBatchesSinceStep);
        v.put("sizer", sizer.state());
        v.put("accumulatedCount", accumulatedCount);
        // the accumulated samples' tensors are part of the state a resumed run needs
        if (!accumulated.isEmpty()) {
            Batch all = source.concat(accumulated);
            v.put("accumulatedIndices", all.indices());
            v.put("accumulatedData", source.encode(all));
            source.release(all);
            float[] losses = concat(accumulatedLosses);
            if (losses != null) {
                v.put("accumulatedLosses", losses);
            }
        }
        return new StrategyState("batch-filter", v);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("batch-filter");
        epochOrder.restoreWith(v, figures);
        rawBatchesSinceStep = (Integer) v.get("rawBatchesSinceStep");
        sizer.restore((double[]) v.get("sizer"));
        accumulated.forEach(source::release);
        accumulated.clear();
        accumulatedLosses.clear();
        lastStep = null;
        lastStepLosses = null;
        accumulatedCount = (Integer) v.get("accumulatedCount");
        if (v.containsKey("accumulatedIndices")) {
            accumulated.add(source.decode((int[]) v.get("accumulatedIndices"), (byte[]) v.get("accumulatedData")));
            accumulatedLosses.add((float[]) v.get("accumulatedLosses")); // null when not kept or stale
        }
    }

    @Override
    public String toString() {
        return "batch-filter(" + rule + ", " + sizer + ", overflow "
                + overflow.name().toLowerCase(Locale.ROOT) + ", batch " + batchSize
                + (keepLosses ? ", keeping losses" : "") + ")";
    }
}
