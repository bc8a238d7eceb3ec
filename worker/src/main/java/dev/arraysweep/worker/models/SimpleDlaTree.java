package dev.arraysweep.worker.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The Tree of kuangliu's dla_simple.py: a left and a right subtree (BasicBlocks at level 1) in a
 * chain, and a root over both outputs (2 x out channels in).
 */
final class SimpleDlaTree extends AbstractBlock {

    private final DlaRoot root;
    private final Block left;
    private final Block right;

    SimpleDlaTree(int inChannels, int outChannels, int level, int stride) {
        root = addChildBlock("root", new DlaRoot(outChannels));
        if (level == 1) {
            left = addChildBlock("left_tree", ResidualBlock.basic(inChannels, outChannels, stride));
            right = addChildBlock("right_tree", ResidualBlock.basic(outChannels, outChannels, 1));
        } else {
            left = addChildBlock("left_tree", new SimpleDlaTree(inChannels, outChannels, level - 1, stride));
            right = addChildBlock("right_tree", new SimpleDlaTree(outChannels, outChannels, level - 1, 1));
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out1 = left.forward(store, inputs, training, params);
        NDList out2 = right.forward(store, out1, training, params);
        return root.forward(store, new NDList(out1.head(), out2.head()), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out1 = left.getOutputShapes(inputShapes);
        Shape[] out2 = right.getOutputShapes(out1);
        return root.getOutputShapes(new Shape[] {out1[0], out2[0]});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        left.initialize(manager, dataType, inputShapes);
        Shape[] out1 = left.getOutputShapes(inputShapes);
        right.initialize(manager, dataType, out1);
        Shape[] out2 = right.getOutputShapes(out1);
        root.initialize(manager, dataType, out1[0], out2[0]);
    }
}
