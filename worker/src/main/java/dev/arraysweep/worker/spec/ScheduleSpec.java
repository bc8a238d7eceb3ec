package dev.arraysweep.worker.spec;

import java.util.List;
import java.util.Objects;

/**
 * The learning rate of each epoch: its initial value and how it decays.
 *
 * @param kind constant, ExponentialLR or MultiStepLR
 * @param learningRate the initial learning rate
 * @param gamma the decay factor; 1 for a constant rate
 * @param milestones the epochs at which MultiStepLR decays; empty for the other kinds
 */
public record ScheduleSpec(Kind kind, double learningRate, double gamma, List<Integer> milestones) {
    /** The schedules of the {@code lr_scheduler} parameter. */
    public enum Kind {
        NONE,
        EXPONENTIAL,
        MULTISTEP
    }

    public ScheduleSpec {
        Objects.requireNonNull(kind, "kind");
        milestones = List.copyOf(milestones);
        Valid.check("learning_rate", learningRate);
        Valid.check("gamma", gamma);
        if (kind == Kind.MULTISTEP) {
            Valid.check("milestones", milestones);
        } else {
            Valid.require(milestones.isEmpty(), "only multistep has milestones: " + milestones);
        }
    }

    static ScheduleSpec from(SpecReader p) {
        return new ScheduleSpec(
                p.choice("lr_scheduler", Kind.class),
                p.real("learning_rate"),
                p.has("gamma") ? p.real("gamma") : 1,
                p.has("milestones") ? p.intList("milestones") : List.of());
    }
}
