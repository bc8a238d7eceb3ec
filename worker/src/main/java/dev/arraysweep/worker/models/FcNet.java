package dev.arraysweep.worker.models;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;

/** A fully connected net with one hidden ReLU layer: flatten, Linear(in, N), ReLU, Linear(N, classes). */
final class FcNet {

    private FcNet() {}

    /** {@return the network with {@code hidden} hidden units} */
    static Block create(int hidden, int numClasses) {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Layers.linear(hidden))
                .add(Activation.reluBlock())
                .add(Layers.linear(numClasses));
    }
}
