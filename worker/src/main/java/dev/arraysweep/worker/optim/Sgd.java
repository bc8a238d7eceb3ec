package dev.arraysweep.worker.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Stochastic gradient descent exactly as {@code torch.optim.SGD} with dampening 0.
 *
 * <p>Per parameter: {@code g = grad + weightDecay * p}; with momentum {@code buf = g} at the first
 * step and {@code buf = momentum * buf + g} after, then {@code g = g + momentum * buf} (Nesterov)
 * or {@code g = buf}; finally {@code p -= lr * g}. The learning rate is applied outside the
 * buffer, so changing it between steps behaves as in PyTorch.
 */
public final class Sgd extends StatefulOptimizer {

    private static final String MOMENTUM_BUFFER = "momentum_buffer";

    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    /**
     * Creates the optimiser.
     *
     * @param momentum the momentum factor, 0 for plain SGD
     * @param nesterov whether to use Nesterov momentum (needs momentum &gt; 0)
     * @param weightDecay the L2 penalty added to the gradient, 0 for none
     */
    public Sgd(double momentum, boolean nesterov, double weightDecay) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov momentum needs momentum > 0");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    void update(int index, NDArray param, NDArray grad, double learningRate, NDManager scope) {
        // in place on the gradient, which is zeroed after the step anyway: one temporary fewer per parameter
        NDArray direction = weightDecay != 0 ? grad.addi(param.mul(weightDecay)) : grad;
        if (momentum != 0) {
            NDArray buffer = buffer(MOMENTUM_BUFFER, index, param, scope);
            if (buffer == null) {
                buffer = keep(MOMENTUM_BUFFER, index, direction.duplicate(), scope);
            } else {
                buffer.muli(momentum).addi(direction);
            }
            direction = nesterov ? direction.add(buffer.mul(momentum)) : buffer;
        }
        param.subi(direction.mul(learningRate));
    }

    @Override
    public String describe() {
        return "sgd(momentum=" + momentum + ", nesterov=" + nesterov + ", weight_decay=" + weightDecay + ")";
    }
}
