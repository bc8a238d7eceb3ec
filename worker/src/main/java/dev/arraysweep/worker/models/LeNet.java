package dev.arraysweep.worker.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/** LeNet-5 as in kuangliu/pytorch-cifar: ReLU and max-pooling (not the zoo's sigmoid/average variant). */
final class LeNet {

    private LeNet() {}

    /** {@return conv 6@5x5, pool, conv 16@5x5, pool, then fully connected 400-120-84-classes} */
    static Block create(int numClasses) {
        return new SequentialBlock()
                .add(Layers.conv(6, 5, 1, 0, true))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Layers.conv(16, 5, 1, 0, true))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Layers.linear(120))
                .add(Activation.reluBlock())
                .add(Layers.linear(84))
                .add(Activation.reluBlock())
                .add(Layers.linear(numClasses));
    }
}
