package dev.arraysweep.worker.spec;

import dev.arraysweep.worker.sampling.PowerSchedule;
import java.util.Objects;

/**
 * The loss-based selection that picks a step's samples from its pool (Alg. 3-5, thesis 5.4).
 *
 * @param kind which selection; NONE trains on the whole pool
 * @param k samples kept from each pool by top-k, loss-weighted and q-split; 0 for the others
 * @param q top-q's loss quantile, or q-split's number of buckets; 0 for the others
 * @param power the exponent on losses of loss-weighted and q-split (on loss ranks with rank weighting), at the
 *     first epoch; 0 for the others
 * @param weighting loss-weighted's density: loss^power or rank^power over the pool's sorted losses
 * @param decay how the power goes from {@code power} at the first epoch to {@code finalPower} at the last
 * @param finalPower the power of the last epoch under a decay; 0 without one
 * @param softTopK how top-k composes with a soft filter; POOLED (neutral) where {@code soft_top_k} does not apply
 */
public record SelectorSpec(
        Kind kind,
        int k,
        double q,
        double power,
        Weighting weighting,
        PowerSchedule.Decay decay,
        double finalPower,
        SoftTopK softTopK) {
    /** The selections of the {@code selector} parameter. */
    public enum Kind {
        NONE,
        TOP_K,
        TOP_Q,
        LOSS_WEIGHTED,
        Q_SPLIT
    }

    /** The densities of the {@code loss_weighting} parameter. */
    public enum Weighting {
        POWER,
        RANK
    }

    /** The compositions of a soft filter with top-k, the {@code soft_top_k} parameter. */
    public enum SoftTopK {
        /** top-k ranks the filter's whole pool, misclassified and marginal samples together */
        POOLED,
        /** thesis Alg. 6: the top k of the misclassified samples, then every marginal sample */
        THESIS
    }

    /** A selection with a constant power and loss^power weighting that, after a soft filter, ranks the pool. */
    public SelectorSpec(Kind kind, int k, double q, double power) {
        this(kind, k, q, power, Weighting.POWER, PowerSchedule.Decay.NONE, 0, SoftTopK.POOLED);
    }

    public SelectorSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(decay, "decay");
        Objects.requireNonNull(softTopK, "softTopK");
        Valid.require(
                weighting == Weighting.POWER || kind == Kind.LOSS_WEIGHTED,
                "rank weighting is a density of loss-weighted selection, not of " + kind);
        Valid.require(
                decay == PowerSchedule.Decay.NONE || kind == Kind.LOSS_WEIGHTED || kind == Kind.Q_SPLIT,
                "only loss-weighted and q-split have a power to decay, not " + kind);
        if (decay != PowerSchedule.Decay.NONE) {
            Valid.check("final_power", finalPower);
        }
        Valid.require(softTopK == SoftTopK.POOLED || kind == Kind.TOP_K, "soft_top_k: thesis needs top-k: " + kind);
        if (kind == Kind.TOP_K || kind == Kind.LOSS_WEIGHTED || kind == Kind.Q_SPLIT) {
            Valid.check("k", k);
        }
        if (kind == Kind.TOP_Q || kind == Kind.Q_SPLIT) {
            Valid.check("q", q);
        }
        if (kind == Kind.LOSS_WEIGHTED || kind == Kind.Q_SPLIT) {
            Valid.check("power", power);
        }
        Valid.require(kind != Kind.TOP_Q || q < 1, "top-q needs a quantile q < 1: " + q);
        Valid.require(
                kind != Kind.Q_SPLIT || (q >= 2 && q == Math.rint(q) && k >= q),
                "q-split needs an integer q >= 2 buckets and k >= q: q " + q + ", k " + k);
    }

    /** {@return the power of each epoch of a run of {@code epochs}; a constant 1 for selectors without a power} */
    public PowerSchedule powers(int epochs) {
        return power > 0 ? new PowerSchedule(decay, power, finalPower, epochs) : PowerSchedule.constant(1);
    }

    static SelectorSpec from(SpecReader p) {
        Integer k = p.nullableInt("k");
        return new SelectorSpec(
                p.choice("selector", Kind.class),
                k == null ? 0 : k,
                p.has("q") ? p.real("q") : 0,
                p.has("power") ? p.real("power") : 0,
                p.has("loss_weighting") ? p.choice("loss_weighting", Weighting.class) : Weighting.POWER,
                p.has("power_decay") ? p.choice("power_decay", PowerSchedule.Decay.class) : PowerSchedule.Decay.NONE,
                p.has("final_power") ? p.real("final_power") : 0,
                p.choiceOr("soft_top_k", SoftTopK.class, SoftTopK.POOLED));
    }
}
