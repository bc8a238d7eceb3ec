package dev.arraysweep.worker.spec;

import java.util.Objects;

/**
 * The loss-based selection that picks a step's samples from its pool (Alg. 3-5, thesis 5.4).
 *
 * @param kind which selection; NONE trains on the whole pool
 * @param k samples kept from each pool by top-k, loss-weighted and q-split; 0 for the others
 * @param q top-q's loss quantile, or q-split's number of buckets; 0 for the others
 * @param power the exponent on losses of loss-weighted and q-split; 0 for the others
 * @param softTopK how top-k composes with a soft filter; POOLED (neutral) where {@code soft_top_k} does not apply
 */
public record SelectorSpec(Kind kind, int k, double q, double power, SoftTopK softTopK) {
    /** The selections of the {@code selector} parameter. */
    public enum Kind {
        NONE,
        TOP_K,
        TOP_Q,
        LOSS_WEIGHTED,
        Q_SPLIT
    }

    /** The compositions of a soft filter with top-k, the {@code soft_top_k} parameter. */
    public enum SoftTopK {
        /** top-k ranks the filter's whole pool, misclassified and marginal samples together */
        POOLED,
        /** thesis Alg. 6: the top k of the misclassified samples, then every marginal sample */
        THESIS
    }

    public SelectorSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(softTopK, "softTopK");
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

    /** A selection that, after a soft filter, ranks the whole pool (or the archetype's: no filter). */
    public SelectorSpec(Kind kind, int k, double q, double power) {
        this(kind, k, q, power, SoftTopK.POOLED);
    }

    static SelectorSpec from(SpecReader p) {
        Integer k = p.nullableInt("k");
        return new SelectorSpec(
                p.choice("selector", Kind.class),
                k == null ? 0 : k,
                p.has("q") ? p.real("q") : 0,
                p.has("power") ? p.real("power") : 0,
                p.choiceOr("soft_top_k", SoftTopK.class, SoftTopK.POOLED));
    }
}
