package dev.arraysweep.worker.spec;

import java.util.Objects;

/**
 * The optimiser, with PyTorch semantics.
 *
 * @param kind SGD or Adam
 * @param momentum SGD momentum (dampening 0); 0 for Adam
 * @param nesterov SGD's Nesterov accelerated gradient; false for Adam
 * @param amsgrad Adam's AMSGrad variant; false for SGD
 * @param weightDecay L2 weight decay added to the gradient
 */
public record OptimiserSpec(Kind kind, double momentum, boolean nesterov, boolean amsgrad, double weightDecay) {
    /** The optimisers of the {@code optimizer} parameter. */
    public enum Kind {
        SGD,
        ADAM
    }

    public OptimiserSpec {
        Objects.requireNonNull(kind, "kind");
        Valid.check("momentum", momentum);
        Valid.check("weight_decay", weightDecay);
        Valid.require(
                kind == Kind.SGD || (momentum == 0 && !nesterov), "Adam has no momentum or nesterov: " + momentum);
        Valid.require(kind == Kind.ADAM || !amsgrad, "amsgrad is Adam's, not SGD's");
        Valid.require(!nesterov || momentum > 0, "nesterov needs momentum > 0");
    }

    static OptimiserSpec from(SpecReader p) {
        return new OptimiserSpec(
                p.choice("optimizer", Kind.class),
                p.has("momentum") ? p.real("momentum") : 0,
                p.has("nesterov") && p.bool("nesterov"),
                p.has("amsgrad") && p.bool("amsgrad"),
                p.real("weight_decay"));
    }
}
