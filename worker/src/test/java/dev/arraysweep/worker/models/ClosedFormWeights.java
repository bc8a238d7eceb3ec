package dev.arraysweep.worker.models;

/**
 * The closed-form weights and input of {@code worker/src/test/python/model_forward_reference.py}, computed the
 * same way in Java: tensor values from one running index {@code g} over all tensors of a model, in order,
 * {@code s = sin(0.37 g + 0.0013 g^2)} scaled by the tensor's kind; inputs {@code sin(0.61 k + 0.0007 k^2 + 0.2)}.
 * Every argument is evaluated left to right in double precision, as numpy does, then rounded to float.
 */
final class ClosedFormWeights {
    private ClosedFormWeights() {}

    /**
     * {@return the values of one tensor whose first element has running index {@code start}}
     *
     * @param kind the name of DJL's {@code Parameter.Type}
     * @param fanIn the tensor's size over its first dimension (used by weights only)
     */
    static float[] tensor(String kind, int size, long fanIn, long start) {
        float[] v = new float[size];
        double weightScale = Math.sqrt(3.0 / fanIn);
        for (int i = 0; i < size; i++) {
            double g = start + i;
            double s = Math.sin(0.37 * g + 0.0013 * g * g);
            v[i] = (float)
                    switch (kind) {
                        case "WEIGHT" -> s * weightScale;
                        case "BIAS", "BETA", "RUNNING_MEAN" -> 0.1 * s;
                        case "GAMMA" -> 1 + 0.25 * s;
                        case "RUNNING_VAR" -> 1.25 + 0.25 * s;
                        default -> throw new IllegalArgumentException("no closed form for a tensor of kind " + kind);
                    };
        }
        return v;
    }

    /** {@return the flat input values, {@code size} of them} */
    static float[] input(int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            double k = i;
            x[i] = (float) Math.sin(0.61 * k + 0.0007 * k * k + 0.2);
        }
        return x;
    }
}
