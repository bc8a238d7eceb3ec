package dev.arraysweep.worker.models;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/** The CIFAR ResNet18 of kuangliu/pytorch-cifar: 3x3 stem, four stages of two BasicBlocks, no max-pool. */
final class ResNet18 {

    private static final int[] PLANES = {64, 128, 256, 512};
    private static final int[] STRIDES = {1, 2, 2, 2};
    private static final int BLOCKS_PER_STAGE = 2;

    private ResNet18() {}

    /** {@return the network; on 32x32 inputs the last stage is 4x4 and is averaged globally} */
    static Block create(int numClasses) {
        SequentialBlock net = new SequentialBlock().add(Layers.convBnRelu(64, 3, 1, 1));
        int inPlanes = 64;
        for (int stage = 0; stage < PLANES.length; stage++) {
            for (int i = 0; i < BLOCKS_PER_STAGE; i++) {
                net.add(ResidualBlock.basic(inPlanes, PLANES[stage], i == 0 ? STRIDES[stage] : 1));
                inPlanes = PLANES[stage];
            }
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Layers.linear(numClasses));
    }
}
