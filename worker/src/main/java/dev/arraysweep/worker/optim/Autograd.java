package dev.arraysweep.worker.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches of the PyTorch engine's autograd that DJL's engine-neutral API does not offer.
 *
 * <p>Grad mode is per thread in libtorch; DJL turns it on while a {@code GradientCollector} is
 * open and off otherwise.
 */
public final class Autograd {

    /** Restores the grad mode that was in force before {@link #disabled()}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private Autograd() {}

    /**
     * Turns autograd off on this thread until the returned scope is closed, so that no graph is
     * recorded and parameters may be updated in place even inside a {@code GradientCollector}.
     *
     * @return the scope that restores the previous mode
     */
    public static Scope disabled() {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return () -> JniUtils.setGradMode(previous);
    }

    /**
     * Sets the gradient of a parameter array to zero in place.
     *
     * @param parameter an array that requires a gradient
     */
    public static void zeroGradient(NDArray parameter) {
        if (parameter instanceof PtNDArray torchArray) {
            JniUtils.zeroGrad(torchArray);
        } else {
            try (NDArray gradient = parameter.getGradient()) {
                gradient.muli(0);
            }
        }
    }
}
