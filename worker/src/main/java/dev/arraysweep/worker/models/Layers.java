package dev.arraysweep.worker.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/** Factories for the layers the models are made of, configured as PyTorch's defaults. */
final class Layers {

    /** DJL's momentum m makes torch update running statistics with 1 - m; PyTorch's default is 0.1. */
    static final float BATCH_NORM_MOMENTUM = 0.9f;
    /** PyTorch's default BatchNorm epsilon. */
    static final float BATCH_NORM_EPSILON = 1e-5f;

    private Layers() {}

    /** {@return a square 2-D convolution} */
    static Conv2d conv(int filters, int kernel, int stride, int padding, boolean bias) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(bias)
                .build();
    }

    /** {@return a 2-D BatchNorm over the channel axis with PyTorch's momentum and epsilon} */
    static BatchNorm batchNorm() {
        return BatchNorm.builder()
                .optMomentum(BATCH_NORM_MOMENTUM)
                .optEpsilon(BATCH_NORM_EPSILON)
                .build();
    }

    /** {@return convolution without bias, BatchNorm and ReLU, as in the models' stems} */
    static SequentialBlock convBnRelu(int filters, int kernel, int stride, int padding) {
        return new SequentialBlock()
                .add(conv(filters, kernel, stride, padding, false))
                .add(batchNorm())
                .add(Activation.reluBlock());
    }

    /** {@return a fully connected layer with bias; its input size is inferred} */
    static Block linear(long units) {
        return Linear.builder().setUnits(units).build();
    }
}
