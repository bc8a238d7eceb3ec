package dev.arraysweep.worker.optim;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * An optimiser with PyTorch's update rule whose state can be saved and restored.
 *
 * <p>Parameters that do not require a gradient (BatchNorm running statistics) are skipped. The
 * optimiser keeps one set of buffers per trainable parameter, in the order in which the
 * parameters are given, so every step must pass the same parameters in the same order (for a
 * block, {@code block.getParameters()} always does).
 */
public interface Optimizer extends AutoCloseable {

    /**
     * Updates every trainable parameter in place from its gradient, then zeroes the gradients.
     *
     * @param parameters the model's parameters, in a stable order
     * @param learningRate the learning rate of this step (of the current epoch)
     */
    void step(List<Parameter> parameters, double learningRate);

    /**
     * Updates every trainable parameter of a block; see {@link #step(List, double)}.
     *
     * @param block the model
     * @param learningRate the learning rate of this step
     */
    default void step(Block block, double learningRate) {
        step(block.getParameters().values(), learningRate);
    }

    /** {@return the number of steps taken, counting those before a restore} */
    long steps();

    /** {@return the state (buffers, step count, hyper-parameters) in a self-describing binary form} */
    byte[] saveState();

    /**
     * Replaces the state with one saved by {@link #saveState()} of an optimiser with the same
     * hyper-parameters; the buffers move onto the parameters' device at the next step.
     *
     * @param state the bytes returned by {@code saveState()}
     * @throws IllegalArgumentException if the bytes are not optimiser state, or were saved by an
     *     optimiser with other hyper-parameters
     */
    void restoreState(byte[] state);

    /** {@return the optimiser and its hyper-parameters, as in {@code sgd(momentum=0.9, ...)}} */
    String describe();

    /** Frees the buffers. */
    @Override
    void close();
}
