package dev.arraysweep.worker.spec;

/**
 * The epochwise filter: train only on the samples misjudged at the start of the epoch.
 *
 * @param reuseAugmentations whether it trains on the augmentations it judged ({@code epoch_filter_augmentation:
 *                           reuse}) instead of drawing new ones; false without augmentation
 */
public record EpochFilterSpec(boolean reuseAugmentations) {
    /** The choices of the {@code epoch_filter_augmentation} parameter. */
    public enum Augmentations {
        RESAMPLE,
        REUSE
    }

    static EpochFilterSpec from(SpecReader p) {
        return new EpochFilterSpec(p.has("epoch_filter_augmentation")
                && p.choice("epoch_filter_augmentation", Augmentations.class) == Augmentations.REUSE);
    }
}
