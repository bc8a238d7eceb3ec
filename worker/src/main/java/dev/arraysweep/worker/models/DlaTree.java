package dev.arraysweep.worker.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The Tree of kuangliu's dla.py: subtrees of levels L-1..1 in a chain, then two BasicBlocks, with a
 * root aggregating every intermediate output ((L+1) x out channels in).
 *
 * <p>As in the original, every subtree takes {@code inChannels} and {@code stride}, which only fits
 * together for levels 1 and 2, the levels DLA uses.
 */
final class DlaTree extends AbstractBlock {

    private final List<Block> chain = new ArrayList<>();
    private final DlaRoot root;

    DlaTree(int inChannels, int outChannels, int level, int stride) {
        root = addChildBlock("root", new DlaRoot(outChannels));
        if (level == 1) {
            chain.add(addChildBlock("left_node", ResidualBlock.basic(inChannels, outChannels, stride)));
        } else {
            for (int i = level - 1; i >= 1; i--) {
                chain.add(addChildBlock("level_" + i, new DlaTree(inChannels, outChannels, i, stride)));
            }
            chain.add(addChildBlock("left_node", ResidualBlock.basic(outChannels, outChannels, 1)));
        }
        chain.add(addChildBlock("right_node", ResidualBlock.basic(outChannels, outChannels, 1)));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        NDList outputs = new NDList(chain.size());
        for (Block block : chain) {
            x = block.forward(store, x, training, params);
            outputs.add(x.head());
        }
        return root.forward(store, outputs, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return root.getOutputShapes(chainShapes(inputShapes, null, null));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        root.initialize(manager, dataType, chainShapes(inputShapes, manager, dataType));
    }

    /** {@return the output shape of every chain element, initialising them on the way when given a manager} */
    private Shape[] chainShapes(Shape[] inputShapes, NDManager manager, DataType dataType) {
        Shape[] shapes = inputShapes;
        Shape[] outputs = new Shape[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            if (manager != null) {
                chain.get(i).initialize(manager, dataType, shapes);
            }
            shapes = chain.get(i).getOutputShapes(shapes);
            outputs[i] = shapes[0];
        }
        return outputs;
    }
}
