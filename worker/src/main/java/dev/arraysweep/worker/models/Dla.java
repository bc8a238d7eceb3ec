package dev.arraysweep.worker.models;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/** DLA and SimpleDLA of kuangliu/pytorch-cifar: a 16-16-32 stem, four trees (64 to 512 channels), linear head. */
final class Dla {

    /** Builds one tree: (in channels, out channels, level, stride). */
    @FunctionalInterface
    private interface TreeFactory {
        AbstractBlock create(int inChannels, int outChannels, int level, int stride);
    }

    private Dla() {}

    /** {@return DLA with the Tree of dla.py} */
    static Block full(int numClasses) {
        return create(numClasses, DlaTree::new);
    }

    /** {@return SimpleDLA with the Tree of dla_simple.py} */
    static Block simple(int numClasses) {
        return create(numClasses, SimpleDlaTree::new);
    }

    private static Block create(int numClasses, TreeFactory tree) {
        return new SequentialBlock()
                .add(Layers.convBnRelu(16, 3, 1, 1))
                .add(Layers.convBnRelu(16, 3, 1, 1))
                .add(Layers.convBnRelu(32, 3, 1, 1))
                .add(tree.create(32, 64, 1, 1))
                .add(tree.create(64, 128, 2, 2))
                .add(tree.create(128, 256, 2, 2))
                .add(tree.create(256, 512, 1, 2))
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Layers.linear(numClasses));
    }
}
