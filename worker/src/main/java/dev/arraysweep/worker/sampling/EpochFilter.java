package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Epochwise accuracy filtering (thesis Alg. 7/8): at the start of each epoch the whole shuffled order is
 * judged without gradients, in chunks, and only the accepted samples (misclassified, or within the soft
 * margin) go on, in their shuffled order, to the inner strategy: mini-batches of {@code batch_size} (the
 * last may be smaller), or the batch filter, which judges them again as it accumulates.
 *
 * <p>With augmentation the judged samples are augmented versions. {@code resample} (the thesis) keeps only
 * their indices, so training sees fresh augmentations of them; {@code reuse} (the fix proposed in thesis
 * 5.2.1) keeps the very tensors that were judged and trains on those, at the cost of holding the accepted
 * samples on the device for the epoch.
 */
public final class EpochFilter extends StrategyDecorator {
    private final AcceptanceRule rule;
    private final boolean reuse;
    private final int chunk;
    private long judged;
    private KeptSource kept;

    /**
     * @param reuse train on the judged (augmented) tensors instead of fetching the kept indices again
     * @param chunk how many samples one judging forward takes
     */
    public EpochFilter(SamplingStrategy inner, AcceptanceRule rule, boolean reuse, int chunk) {
        super(inner);
        this.rule = rule;
        this.reuse = reuse;
        this.chunk = Positive.check("chunk size", chunk);
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        releaseKept();
        judged = 0;
        int[] keptOrder = new int[order.length];
        int keptCount = 0;
        List<Batch> keptParts = new ArrayList<>();
        for (int from = 0; from < order.length; from += chunk) {
            Batch raw = source.fetch(Arrays.copyOfRange(order, from, Math.min(order.length, from + chunk)));
            int[] rows = Positions.accepted(rule.accept(source.judge(raw, rule.needs())));
            judged += raw.size();
            for (int r : rows) {
                keptOrder[keptCount++] = raw.indices()[r];
            }
            if (reuse && rows.length == raw.size()) {
                keptParts.add(raw);
                continue;
            }
            if (reuse && rows.length > 0) {
                keptParts.add(source.rows(raw, rows));
            }
            source.release(raw);
        }
        if (!keptParts.isEmpty()) {
            Batch all = keptParts.size() == 1 ? keptParts.get(0) : source.concat(keptParts);
            if (keptParts.size() > 1) {
                keptParts.forEach(source::release);
            }
            kept = new KeptSource(source, all, 0, 0);
        }
        inner.startEpoch(epoch, Arrays.copyOf(keptOrder, keptCount), view(source));
    }

    private SampleSource view(SampleSource source) {
        return kept != null ? kept : source;
    }

    private void releaseKept() {
        if (kept != null) {
            kept.releaseKept();
            kept = null;
        }
    }

    @Override
    public Batch nextStep(SampleSource source) {
        return inner.nextStep(view(source));
    }

    /** The epoch-start judging adds to the inner strategy's forwards; accepted is what passed every stage. */
    @Override
    public SamplerFigures endEpoch() {
        EpochFigures f = EpochFigures.of(inner.endEpoch());
        f.rawForwarded += judged;
        return f.snapshot();
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        Map<String, Serializable> v = new HashMap<>();
        v.put("judged", judged);
        if (kept != null) {
            Batch remaining = kept.remaining();
            v.put("keptPosition", kept.position());
            v.put("keptIndices", remaining.indices());
            v.put("keptData", source.encode(remaining));
            source.release(remaining);
        }
        return withInner("epoch-filter", v, view(source));
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("epoch-filter");
        releaseKept();
        judged = (Long) v.get("judged");
        if (v.containsKey("keptIndices")) {
            int position = (Integer) v.get("keptPosition");
            Batch remaining = source.decode((int[]) v.get("keptIndices"), (byte[]) v.get("keptData"));
            kept = new KeptSource(source, remaining, position, position);
        }
        restoreInner(v, view(source));
    }

    @Override
    public String toString() {
        return "epoch-filter(" + rule + ", " + (reuse ? "reuse" : "resample") + ") > " + inner;
    }
}
