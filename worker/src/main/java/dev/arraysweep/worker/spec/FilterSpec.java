package dev.arraysweep.worker.spec;

import java.util.Objects;

/**
 * What the epoch and batch filters share: which samples they accept, the model mode they judge in, and what
 * happens when they accept none.
 *
 * @param kind hard keeps misclassified samples; soft also keeps correct ones within the margin
 * @param margin the soft filter's margin on the top-2 softmax beliefs; 0 for hard
 * @param mode the model mode (batch norm) of the no-gradient judging forward pass
 * @param whenEmpty what a step does when its filter accepted nothing
 */
public record FilterSpec(Kind kind, double margin, Mode mode, Fallback whenEmpty) {
    /** The acceptance rules of the {@code filter_kind} parameter. */
    public enum Kind {
        HARD,
        SOFT
    }

    /** The judging modes of the {@code filter_mode} parameter. */
    public enum Mode {
        EVAL,
        TRAIN
    }

    /** The fallbacks of the {@code empty_fallback} parameter. */
    public enum Fallback {
        NONE,
        RANDOM,
        TOP_UP
    }

    public FilterSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(whenEmpty, "whenEmpty");
        if (kind == Kind.SOFT) {
            Valid.check("margin", margin);
        } else {
            Valid.require(margin == 0, "a hard filter has no margin: " + margin);
        }
    }

    static FilterSpec from(SpecReader p) {
        return new FilterSpec(
                p.choice("filter_kind", Kind.class),
                p.has("margin") ? p.real("margin") : 0,
                p.choice("filter_mode", Mode.class),
                p.choice("empty_fallback", Fallback.class));
    }
}
