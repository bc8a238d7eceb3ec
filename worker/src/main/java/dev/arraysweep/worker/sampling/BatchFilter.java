package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Batchwise filtering with batch accumulation (thesis Alg. 10): raw batches of the shuffled epoch are
 * judged without gradients; accepted samples accumulate across raw batches and across epochs; when at
 * least {@code batchSize} are accumulated, one step trains on exactly {@code batchSize} of them. The
 * surplus is discarded (the thesis) or carried into the next step. An epoch is one pass over the raw data,
 * so it may end with zero steps.
 */
public final class BatchFilter implements SamplingStrategy {
    /** What happens to accepted samples beyond a full step. */
    public enum Overflow { DISCARD, CARRY }

    private final int batchSize;
    private final RawBatchSizer sizer;
    private final AcceptanceRule rule;
    private final Overflow overflow;
    private final EpochFigures figures = new EpochFigures();
    private final List<Batch> accumulated = new ArrayList<>();
    private int accumulatedCount;
    private int rawBatchesSinceStep;
    private int[] order = new int[0];
    private int cursor;

    public BatchFilter(int batchSize, RawBatchSizer sizer, AcceptanceRule rule, Overflow overflow) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        this.batchSize = batchSize;
        this.sizer = sizer;
        this.rule = rule;
        this.overflow = overflow;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        this.order = order;
        this.cursor = 0;
        figures.reset();
    }

    @Override
    public Batch nextStep(SampleSource source) {
        while (accumulatedCount < batchSize) {
            if (cursor >= order.length) {
                return null; // the accumulated samples wait for the next epoch
            }
            int size = sizer.next(batchSize - accumulatedCount);
            int[] idx = Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + size));
            cursor += idx.length;
            Batch raw = source.fetch(idx);
            boolean[] accept = rule.accept(source.judge(raw));
            int[] rows = Positions.accepted(accept);
            figures.rawForwarded += idx.length;
            figures.accepted += rows.length;
            rawBatchesSinceStep++;
            sizer.observe(idx.length, rows.length);
            if (rows.length == idx.length) {
                accumulated.add(raw);
            } else {
                if (rows.length > 0) {
                    accumulated.add(source.rows(raw, rows));
                }
                source.release(raw);
            }
            accumulatedCount += rows.length;
        }
        return takeStep(source);
    }

    private Batch takeStep(SampleSource source) {
        Batch all = accumulated.size() == 1 ? accumulated.get(0) : source.concat(accumulated);
        if (accumulated.size() > 1) {
            accumulated.forEach(source::release);
        }
        accumulated.clear();
        Batch step = all;
        int surplus = all.size() - batchSize;
        if (surplus > 0) {
            step = source.rows(all, Positions.range(0, batchSize));
            if (overflow == Overflow.CARRY) {
                accumulated.add(source.rows(all, Positions.range(batchSize, all.size())));
            } else {
                figures.overflow += surplus;
            }
            source.release(all);
        }
        accumulatedCount = overflow == Overflow.CARRY ? Math.max(0, surplus) : 0;
        figures.trained += batchSize;
        figures.steps++;
        figures.rawBatches += rawBatchesSinceStep;
        rawBatchesSinceStep = 0;
        return step;
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
        Map<String, Serializable> v = new HashMap<>();
        v.put("order", order.clone());
        v.put("cursor", cursor);
        v.put("figures", figures.toArray());
        v.put("rawBatchesSinceStep", rawBatchesSinceStep);
        v.put("sizer", sizer.state());
        v.put("accumulatedCount", accumulatedCount);
        // the accumulated samples' tensors are part of the state a resumed run needs
        if (!accumulated.isEmpty()) {
            Batch all = source.concat(accumulated);
            v.put("accumulatedIndices", all.indices());
            v.put("accumulatedData", source.encode(all));
            source.release(all);
        }
        return new StrategyState("batch-filter", v);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("batch-filter");
        order = (int[]) v.get("order");
        cursor = (Integer) v.get("cursor");
        figures.fromArray((long[]) v.get("figures"));
        rawBatchesSinceStep = (Integer) v.get("rawBatchesSinceStep");
        sizer.restore((double[]) v.get("sizer"));
        accumulated.forEach(source::release);
        accumulated.clear();
        accumulatedCount = (Integer) v.get("accumulatedCount");
        if (v.containsKey("accumulatedIndices")) {
            accumulated.add(source.decode((int[]) v.get("accumulatedIndices"), (byte[]) v.get("accumulatedData")));
        }
    }

    @Override
    public String toString() {
        return "batch-filter(" + rule + ", " + sizer + ", overflow " + overflow.name().toLowerCase(Locale.ROOT)
                + ", batch " + batchSize + ")";
    }
}
