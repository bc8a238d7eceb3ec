/**
 * The CIFAR training augmentations, batched on the device that holds the batch, with a fresh random decision per
 * sample: the thesis' (4.2.3, {@link dev.arraysweep.worker.augment.CifarAugment}, described below) and seed 002's
 * random crop and flip ({@link dev.arraysweep.worker.augment.CropFlip}).
 *
 * <p>The pipeline is torchvision's {@code Compose([RandomHorizontalFlip(), RandomAffine(degrees=180,
 * translate=(0.1, 0.1), scale=(0.9, 1.1)), RandomCrop(32, padding=4), ColorJitter(brightness=0.5,
 * contrast=0.5, saturation=0.5, hue=0.05)])}. As in torchvision it works on images with values in
 * [0, 1], before normalisation: callers augment the raw batch and then apply {@link
 * dev.arraysweep.worker.augment.Normalize}.
 *
 * <p>Batches have shape (N, 3, H, W) and type float32. DJL's own flip and colour-jitter
 * transforms are broken on the PyTorch engine and there is no {@code grid_sample}, so every
 * operation here is built from tensor ops: geometric ones as one gather with computed source
 * indices, colour ones as blends. Each operation is also public with explicit parameters
 * ({@link dev.arraysweep.worker.augment.Geometry}, {@link dev.arraysweep.worker.augment.Color}).
 *
 * <p>Random parameters come from a {@code java.util.Random} (serialisable, so a checkpoint can
 * keep it); they follow torchvision's distributions but not its random stream.
 */
package dev.arraysweep.worker.augment;
