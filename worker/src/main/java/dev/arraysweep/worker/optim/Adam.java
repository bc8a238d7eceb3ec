package dev.arraysweep.worker.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam exactly as {@code torch.optim.Adam} (single-tensor path), with optional AMSGrad.
 *
 * <p>Per parameter at step {@code t}: {@code g = grad + weightDecay * p};
 * {@code m = lerp(m, g, 1 - beta1)}; {@code v = beta2 * v + (1 - beta2) * g * g}; with AMSGrad
 * {@code vmax = max(vmax, v)} replaces {@code v} below;
 * {@code denom = sqrt(v) / sqrt(1 - beta2^t) + eps};
 * {@code p += (-lr / (1 - beta1^t)) * m / denom}. Note that {@code eps} is added after the bias
 * correction of the square root, as PyTorch does.
 */
public final class Adam extends StatefulOptimizer {

    private static final String EXP_AVG = "exp_avg";
    private static final String EXP_AVG_SQ = "exp_avg_sq";
    private static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;

    /**
     * Creates the optimiser.
     *
     * @param beta1 the decay of the first moment (PyTorch: 0.9)
     * @param beta2 the decay of the second moment (PyTorch: 0.999)
     * @param eps the term added to the denominator (PyTorch: 1e-8)
     * @param weightDecay the L2 penalty added to the gradient, 0 for none
     * @param amsgrad whether to use the maximum of past second moments
     */
    public Adam(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        requireIn("beta1", beta1);
        requireIn("beta2", beta2);
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and >= 0, got " + eps);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
    }

    /**
     * Creates Adam with PyTorch's default betas (0.9, 0.999) and eps (1e-8).
     *
     * @param weightDecay the L2 penalty added to the gradient, 0 for none
     * @param amsgrad whether to use AMSGrad
     * @return the optimiser
     */
    public static Adam withDefaults(double weightDecay, boolean amsgrad) {
        return new Adam(0.9, 0.999, 1e-8, weightDecay, amsgrad);
    }

    @Override
    void update(int index, NDArray param, NDArray grad, double learningRate, NDManager scope) {
        NDArray g = weightDecay != 0 ? grad.add(param.mul(weightDecay)) : grad;
        NDArray expAvg = buffer(EXP_AVG, index, param, scope);
        NDArray expAvgSq = buffer(EXP_AVG_SQ, index, param, scope);
        if (expAvg == null || expAvgSq == null) {
            expAvg = keep(EXP_AVG, index, param.zerosLike(), scope);
            expAvgSq = keep(EXP_AVG_SQ, index, param.zerosLike(), scope);
        }
        // exp_avg.lerp_(g, 1 - beta1), with torch.lerp's two formulas for small and large weights
        if (1 - beta1 < 0.5) {
            expAvg.addi(g.sub(expAvg).muli(1 - beta1));
        } else {
            expAvg = keep(EXP_AVG, index, g.sub(g.sub(expAvg).muli(beta1)), scope);
        }
        // addcmul_(g, g, value=1-beta2) computes value * g * g left to right
        expAvgSq.muli(beta2).addi(g.mul(1 - beta2).mul(g));

        long step = currentStep();
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = learningRate / biasCorrection1;

        NDArray second = expAvgSq;
        if (amsgrad) {
            NDArray max = buffer(MAX_EXP_AVG_SQ, index, param, scope);
            second = keep(MAX_EXP_AVG_SQ, index, max == null ? expAvgSq.duplicate() : max.maximum(expAvgSq), scope);
        }
        NDArray denom = second.sqrt().divi(biasCorrection2Sqrt).addi(eps);
        // addcdiv_(m, denom, value=-stepSize) computes value * m / denom left to right
        param.addi(expAvg.mul(-stepSize).divi(denom));
    }

    private static void requireIn(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
        }
    }

    @Override
    public String describe() {
        return "adam(betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ", weight_decay=" + weightDecay + ", amsgrad="
                + amsgrad + ")";
    }
}
