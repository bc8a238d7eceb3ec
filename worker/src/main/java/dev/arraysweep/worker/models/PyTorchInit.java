package dev.arraysweep.worker.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * PyTorch's default initialisation, drawn from a seeded Java RNG so that it does not depend on the
 * native one.
 *
 * <p>Convolution and linear weights: {@code kaiming_uniform_(a=sqrt(5))}, i.e. U(-b, b) with
 * b = gain * sqrt(3 / fan_in), gain = sqrt(2 / (1 + 5)), so b = 1 / sqrt(fan_in); biases U(-b, b)
 * with the same fan_in. BatchNorm: gamma 1, beta 0, running mean 0, running variance 1.
 *
 * <p>A bias takes the fan_in of the weight initialised just before it: DJL initialises a block's
 * direct parameters in order, and Linear and Convolution declare weight, then bias.
 */
final class PyTorchInit {

    private final SplittableRandom random;
    private long lastWeightFanIn = -1;

    PyTorchInit(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Sets this initialisation on every parameter of {@code block}. */
    void applyTo(Block block) {
        block.setInitializer(this::weight, Parameter.Type.WEIGHT);
        block.setInitializer(this::bias, Parameter.Type.BIAS);
        block.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.RUNNING_MEAN);
        block.setInitializer(Initializer.ONES, Parameter.Type.RUNNING_VAR);
    }

    private NDArray weight(NDManager manager, Shape shape, DataType dataType) {
        if (shape.dimension() < 2) {
            throw new IllegalStateException("a weight of shape " + shape + " has no fan-in");
        }
        lastWeightFanIn = shape.size() / shape.get(0);
        return uniform(manager, shape, dataType, lastWeightFanIn);
    }

    private NDArray bias(NDManager manager, Shape shape, DataType dataType) {
        if (lastWeightFanIn < 1) {
            throw new IllegalStateException("bias of shape " + shape + " initialised before any weight");
        }
        return uniform(manager, shape, dataType, lastWeightFanIn);
    }

    private NDArray uniform(NDManager manager, Shape shape, DataType dataType, long fanIn) {
        double bound = 1 / Math.sqrt(fanIn);
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        NDArray array = manager.create(values, shape);
        return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
    }
}
