package dev.arraysweep.worker.models;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** DLA's aggregation node: concatenates its inputs on the channel axis, then 1x1 conv, BatchNorm, ReLU. */
final class DlaRoot extends AbstractBlock {

    private final Block conv;
    private final Block bn;

    DlaRoot(int outChannels) {
        conv = addChildBlock("conv", Layers.conv(outChannels, 1, 1, 0, false));
        bn = addChildBlock("bn", Layers.batchNorm());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList joined = new NDList(inputs.size() == 1 ? inputs.head() : NDArrays.concat(inputs, 1));
        NDList out = bn.forward(store, conv.forward(store, joined, training, params), training, params);
        return new NDList(Activation.relu(out.head()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return bn.getOutputShapes(conv.getOutputShapes(new Shape[] {concatenated(inputShapes)}));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] joined = {concatenated(inputShapes)};
        conv.initialize(manager, dataType, joined);
        bn.initialize(manager, dataType, conv.getOutputShapes(joined));
    }

    private static Shape concatenated(Shape[] shapes) {
        long channels = 0;
        for (Shape shape : shapes) {
            channels += shape.get(1);
        }
        Shape first = shapes[0];
        return new Shape(first.get(0), channels, first.get(2), first.get(3));
    }
}
