package dev.arraysweep.worker.train;

import dev.arraysweep.db.params.ParamValues;
import java.util.List;

/**
 * The typed sampling parameters beyond the batch filter's (those stay in {@link RunSpec}): epoch-filter
 * augmentation, empty fallback, loss selector and sampler. Parameters that do not apply get neutral values.
 *
 * @param k samples a selector keeps per pool (already defaulted to batch_size)
 * @param q top-q quantile, or q-split bucket count
 * @param samplesPerEpoch draws per epoch of a sampler, null = the training set size
 * @param weightsFile weighted sampling's per-sample weights file, or null
 * @param classWeights weighted sampling's per-class weights, or null
 */
public record SamplingSpec(String epochFilterAugmentation, String emptyFallback, String selector, int k, double q,
                           double power, String sampler, String score, double beta, int warmupEpochs,
                           Integer samplesPerEpoch, boolean replacement, String weightsFile,
                           List<Double> classWeights) {
    public SamplingSpec {
        classWeights = classWeights == null ? null : List.copyOf(classWeights);
    }

    /** {@return the sampling parameters of a run's canonical parameters} */
    public static SamplingSpec from(ParamValues p) {
        int batch = p.intValue("batch_size");
        Integer k = p.has("k") ? p.nullableInt("k") : null;
        String score = p.has("score") ? p.string("score") : "last-loss";
        return new SamplingSpec(
                p.has("epoch_filter_augmentation") ? p.string("epoch_filter_augmentation") : "resample",
                p.has("empty_fallback") ? p.string("empty_fallback") : "none",
                p.string("selector"), k == null ? batch : k,
                p.has("q") ? p.doubleValue("q") : 0.5,
                p.has("power") ? p.doubleValue("power") : 2.0,
                p.string("sampler"), score,
                p.has("beta") ? p.doubleValue("beta") : 0.0,
                p.has("warmup_epochs") ? p.intValue("warmup_epochs") : 0,
                p.has("samples_per_epoch") ? p.nullableInt("samples_per_epoch") : null,
                p.has("replacement") && p.bool("replacement"),
                p.has("weights_file") ? p.nullableString("weights_file") : null,
                p.has("class_weights") ? p.nullableDoubleList("class_weights") : null);
    }
}
