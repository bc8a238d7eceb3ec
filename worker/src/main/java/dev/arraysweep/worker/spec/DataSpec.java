package dev.arraysweep.worker.spec;

import java.util.Objects;

/**
 * Which data a run trains and evaluates on.
 *
 * @param dataset the dataset
 * @param augmentation how training samples are augmented; {@code NONE} where the dataset has no augmentation
 * @param dataDir the directory with the dataset's standard files, or null for {@code $ARRAYSWEEP_DATA}
 * @param subset which classes and samples of the dataset the run uses; {@link SubsetSpec#ALL} for all
 */
public record DataSpec(Name dataset, Augmentation augmentation, String dataDir, SubsetSpec subset) {
    /** The choices of the {@code augmentation} parameter. */
    public enum Augmentation {
        /** No augmentation. */
        NONE,
        /** Seed 002's random crop and horizontal flip ({@code CropFlip}). */
        CROP_FLIP,
        /** The thesis' flip, affine, crop and colour jitter ({@code CifarAugment}). */
        THESIS
    }

    /** The datasets of the {@code dataset} parameter. */
    public enum Name {
        MNIST,
        FASHION_MNIST,
        CIFAR10,
        CIFAR100
    }

    public DataSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(augmentation, "augmentation");
        Valid.check("data_dir", dataDir);
        Objects.requireNonNull(subset, "subset");
    }

    static DataSpec from(SpecReader p) {
        return new DataSpec(
                p.choice("dataset", Name.class),
                p.has("augmentation") ? p.choice("augmentation", Augmentation.class) : Augmentation.NONE,
                p.nullableString("data_dir"),
                SubsetSpec.from(p));
    }
}
