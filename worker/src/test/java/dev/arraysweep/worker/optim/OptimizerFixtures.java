package dev.arraysweep.worker.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

/** A one-array parameter whose gradient is set through a real backward pass. */
final class OptimizerFixtures {

    private OptimizerFixtures() {}

    static Parameter parameter(NDManager manager, double[] values, DataType type) {
        NDArray array = manager.create(values).toType(type, false);
        array.setRequiresGradient(true);
        return Parameter.builder()
                .setName("w")
                .setType(Parameter.Type.WEIGHT)
                .optArray(array)
                .build();
    }

    /** Runs backward on {@code sum(p * g)}, whose gradient with respect to p is g. */
    static void setGradient(Parameter param, double[] gradient) {
        NDArray p = param.getArray();
        try (NDManager scope = p.getManager().newSubManager()) {
            scope.tempAttachAll(p);
            NDArray g = scope.create(gradient).toType(p.getDataType(), false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(p.mul(g).sum());
            }
        }
    }

    static double[] values(Parameter param) {
        return param.getArray().toType(DataType.FLOAT64, true).toDoubleArray();
    }

    static double[] gradient(Parameter param) {
        try (NDArray gradient = param.getArray().getGradient()) {
            return gradient.toType(DataType.FLOAT64, true).toDoubleArray();
        }
    }
}
