package dev.arraysweep.worker.augment;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * torchvision's {@code ColorJitter} on a batch, where every sample has its own factors and its
 * own order of the four adjustments.
 *
 * <p>The adjustments run in four rounds; in round k every sample gets its k-th adjustment.
 * Brightness, contrast and saturation are all blends, so one blend per round serves them, with
 * factor 1 (an exact identity) for the samples whose k-th adjustment is the hue; the hue runs
 * only on those samples, which are then put back in place.
 */
public final class ColorJitter {

    private ColorJitter() {}

    /**
     * {@return the batch with each sample jittered by its own parameters}
     *
     * @param batch RGB images (N, 3, H, W) in [0, 1]
     * @param params one entry per sample
     */
    public static NDArray apply(NDArray batch, List<JitterParams> params) {
        int n = params.size();
        Scoped.checkBatch(batch, n);
        return Scoped.apply(batch, scope -> {
            NDArray out = batch;
            for (int round = 0; round < ColorOp.values().length; round++) {
                double[] factors = new double[n];
                Color.Reference[] references = new Color.Reference[n];
                List<Integer> hueSamples = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    JitterParams p = params.get(i);
                    switch (p.order().get(round)) {
                        case BRIGHTNESS -> set(factors, references, i, p.brightness(), Color.Reference.BLACK);
                        case CONTRAST -> set(factors, references, i, p.contrast(), Color.Reference.GRAY_MEAN);
                        case SATURATION -> set(factors, references, i, p.saturation(), Color.Reference.GRAY);
                        case HUE -> {
                            set(factors, references, i, 1, Color.Reference.BLACK);
                            hueSamples.add(i);
                        }
                    }
                }
                if (hueSamples.size() < n) {
                    out = Color.blend(out, factors, references);
                }
                if (!hueSamples.isEmpty()) {
                    out = shiftHueOf(out, hueSamples, params);
                }
            }
            return out;
        });
    }

    /** Shifts the hue of the listed samples and puts them back in place. */
    private static NDArray shiftHueOf(NDArray batch, List<Integer> samples, List<JitterParams> params) {
        int n = params.size();
        long[] chosen = new long[samples.size()];
        double[] shifts = new double[samples.size()];
        long[] rows = new long[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        for (int k = 0; k < chosen.length; k++) {
            int sample = samples.get(k);
            chosen[k] = sample;
            shifts[k] = params.get(sample).hue();
            rows[sample] = n + k;
        }
        if (chosen.length == n) {
            return Color.hue(batch, shifts);
        }
        NDArray shifted = Color.hue(batch.get(batch.getManager().create(chosen)), shifts);
        return batch.concat(shifted, 0).get(batch.getManager().create(rows));
    }

    private static void set(
            double[] factors, Color.Reference[] references, int i, double factor, Color.Reference reference) {
        factors[i] = factor;
        references[i] = reference;
    }
}
