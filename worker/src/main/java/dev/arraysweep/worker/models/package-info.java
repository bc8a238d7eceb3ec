/**
 * The network architectures of the experiments, built as DJL blocks with PyTorch's parameter
 * counts and PyTorch's default initialisation.
 *
 * <p>The architectures follow kuangliu/pytorch-cifar (ResNet18 with BasicBlocks, LeNet, DLA,
 * SimpleDLA) plus a one-hidden-layer fully connected net; all take 32x32 images with any number of
 * channels. {@link dev.arraysweep.worker.models.Models} is the entry point; the block classes are
 * package-private.
 *
 * <p>BatchNorm layers use eps 1e-5 and DJL momentum 0.9, which is PyTorch's momentum 0.1: DJL passes
 * {@code 1 - momentum} to {@code torch::batch_norm}, so running statistics update as
 * {@code running = 0.9 * running + 0.1 * batch} (variance unbiased), exactly as in PyTorch.
 */
package dev.arraysweep.worker.models;
