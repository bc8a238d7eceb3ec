package dev.arraysweep.worker.spec;

import dev.arraysweep.worker.sampling.ImportanceWeights;
import java.util.List;
import java.util.Objects;

/**
 * Which samples an epoch draws: a plain shuffle, importance sampling (seed 002) or weighted sampling (seed 003).
 *
 * @param kind which sampler; NONE shuffles the whole training set
 * @param score importance sampling's score per sample; null for the other kinds
 * @param beta the running-loss weight of importance sampling; 0 for the last-loss score and the other kinds
 * @param warmupEpochs importance sampling's epochs of uniform sampling first; 0 for the other kinds
 * @param samplesPerEpoch draws per epoch of importance or weighted sampling; null = the training set size
 * @param replacement whether importance or weighted sampling draws with replacement; false for the other kinds
 *     and for weighted runs that leave it out (their behaviour before it applied to them)
 * @param weights how importance sampling weights the drawn samples' losses; null for the other kinds
 * @param weightsFile weighted sampling's file of per-sample weights, or null
 * @param classWeights weighted sampling's per-class weights, or null
 */
public record SamplerSpec(
        Kind kind,
        Score score,
        double beta,
        int warmupEpochs,
        Integer samplesPerEpoch,
        boolean replacement,
        ImportanceWeights weights,
        String weightsFile,
        List<Double> classWeights) {
    /** The samplers of the {@code sampler} parameter. */
    public enum Kind {
        NONE,
        IMPORTANCE,
        WEIGHTED
    }

    /** The importance scores of the {@code score} parameter. */
    public enum Score {
        LAST_LOSS,
        RUNNING_LOSS
    }

    public SamplerSpec {
        Objects.requireNonNull(kind, "kind");
        classWeights = classWeights == null ? null : List.copyOf(classWeights);
        Valid.require((kind == Kind.IMPORTANCE) == (score != null), "only importance sampling has a score: " + score);
        Valid.require(
                (kind == Kind.IMPORTANCE) == (weights != null), "only importance sampling weights losses: " + weights);
        if (score == Score.RUNNING_LOSS) {
            Valid.check("beta", beta);
        }
        Valid.check("warmup_epochs", warmupEpochs);
        Valid.check("samples_per_epoch", samplesPerEpoch);
        Valid.check("weights_file", weightsFile);
        Valid.check("class_weights", classWeights);
        Valid.require(
                kind != Kind.WEIGHTED || (weightsFile == null) != (classWeights == null),
                "weighted sampling needs exactly one of weights_file and class_weights");
    }

    static SamplerSpec from(SpecReader p) {
        Kind kind = p.choice("sampler", Kind.class);
        Score score = p.has("score") ? p.choice("score", Score.class) : null;
        return new SamplerSpec(
                kind,
                score,
                p.has("beta") ? p.real("beta") : 0,
                p.has("warmup_epochs") ? p.integer("warmup_epochs") : 0,
                p.nullableInt("samples_per_epoch"),
                p.has("replacement") && p.bool("replacement"),
                importanceWeights(p, kind),
                p.nullableString("weights_file"),
                p.nullableDoubleList("class_weights"));
    }

    /** {@return the run's importance weights; runs do not carry the default, horvitz-thompson} */
    private static ImportanceWeights importanceWeights(SpecReader p, Kind kind) {
        if (kind != Kind.IMPORTANCE) {
            return null;
        }
        return p.has("importance_weights")
                ? p.choice("importance_weights", ImportanceWeights.class)
                : ImportanceWeights.HORVITZ_THOMPSON;
    }
}
