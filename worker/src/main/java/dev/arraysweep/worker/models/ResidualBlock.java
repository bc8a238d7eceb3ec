package dev.arraysweep.worker.models;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import java.util.List;

/** The BasicBlock of ResNet18 and DLA: two 3x3 conv+BN, a shortcut, their sum through ReLU. */
final class ResidualBlock {

    private ResidualBlock() {}

    /**
     * {@return a BasicBlock from {@code inPlanes} to {@code planes} channels}
     *
     * <p>The shortcut is the identity, or a 1x1 convolution with BatchNorm where the stride or the
     * channel count changes.
     */
    static Block basic(int inPlanes, int planes, int stride) {
        Block main = new SequentialBlock()
                .add(Layers.conv(planes, 3, stride, 1, false))
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Layers.conv(planes, 3, 1, 1, false))
                .add(Layers.batchNorm());
        Block shortcut = stride != 1 || inPlanes != planes
                ? new SequentialBlock()
                        .add(Layers.conv(planes, 1, stride, 0, false))
                        .add(Layers.batchNorm())
                : Blocks.identityBlock();
        return new ParallelBlock(
                outputs -> new NDList(
                        Activation.relu(outputs.get(0).head().add(outputs.get(1).head()))),
                List.of(main, shortcut));
    }
}
