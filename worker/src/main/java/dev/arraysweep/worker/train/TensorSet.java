package dev.arraysweep.worker.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.arraysweep.worker.augment.CifarAugment;
import dev.arraysweep.worker.augment.CropFlip;
import dev.arraysweep.worker.augment.Normalize;
import dev.arraysweep.worker.data.ChannelStats;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.data.Split;
import dev.arraysweep.worker.spec.DataSpec.Augmentation;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A dataset's splits as tensors on the training device, copied once. Without augmentation every split is
 * normalised up front; with augmentation the training images stay in [0, 1] (torchvision augments before
 * Normalize) and each gathered batch is augmented, then normalised, on the device.
 */
record TensorSet(
        NDArray trainImages,
        NDArray trainEvalImages,
        NDArray trainLabels,
        NDArray testImages,
        NDArray testLabels,
        ChannelStats stats,
        Augmentation augmentation) {

    static TensorSet load(NDManager manager, Dataset raw, Augmentation augmentation) {
        if (raw.isNormalized()) {
            throw new IllegalArgumentException("pass the raw dataset; TensorSet normalises it itself");
        }
        Dataset norm = raw.normalized();
        Shape shape = new Shape(-1, raw.channels(), raw.height(), raw.width());
        NDArray trainLabels = labels(manager, raw.train());
        NDArray testLabels = labels(manager, raw.test());
        NDArray testImages = images(manager, norm.test(), shape);
        NDArray trainEval = images(manager, norm.train(), shape);
        NDArray train = augmentation != Augmentation.NONE ? images(manager, raw.train(), shape) : trainEval;
        return new TensorSet(train, trainEval, trainLabels, testImages, testLabels, norm.normalization(), augmentation);
    }

    /** {@return what turns gathered training images into model input} */
    Function<NDArray, NDArray> prepare(Supplier<Random> rng) {
        Normalize normalize = new Normalize(stats.mean(), stats.std());
        return switch (augmentation) {
            case NONE -> x -> x;
            case CROP_FLIP -> x -> normalize.apply(CropFlip.apply(x, rng.get()));
            case THESIS -> x -> normalize.apply(CifarAugment.apply(x, rng.get()));
        };
    }

    private static NDArray images(NDManager manager, Split split, Shape shape) {
        return manager.create(split.images(), new Shape(split.count(), shape.get(1), shape.get(2), shape.get(3)));
    }

    private static NDArray labels(NDManager manager, Split split) {
        return manager.create(split.labels()).toType(DataType.INT64, false);
    }
}
