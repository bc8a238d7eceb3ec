package dev.arraysweep.worker.models;

import dev.arraysweep.db.params.ModelNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code state_dict} keys of the PyTorch originals of the models, in DJL's parameter order, so a kept model
 * loads into them with {@code model.load_state_dict(...)}.
 *
 * <p>The originals are the classes of kuangliu/pytorch-cifar: {@code ResNet(BasicBlock, [2, 2, 2, 2])} of
 * resnet.py ({@code conv1, bn1, layer1..layer4, linear}, each layer an {@code nn.Sequential} of BasicBlocks with
 * {@code conv1, bn1, conv2, bn2, shortcut}), {@code LeNet} of lenet.py ({@code conv1, conv2, fc1..fc3}),
 * {@code DLA} of dla.py and {@code SimpleDLA} of dla_simple.py ({@code base, layer1, layer2} as
 * {@code nn.Sequential(conv, bn, relu)}, trees {@code layer3..layer6} with {@code root.conv, root.bn} and
 * {@code level_i, left_node, right_node} or {@code left_tree, right_tree}, {@code linear}). FCNet has no
 * original; its keys are those of {@code nn.Sequential(nn.Flatten(), nn.Linear(in, N), nn.ReLU(),
 * nn.Linear(N, classes))}: {@code 1.weight, 1.bias, 3.weight, 3.bias}.
 *
 * <p>DJL's {@code getParameters()} order is PyTorch's state-dict order (ModelForwardReferenceTest relies on it
 * and checks it), so the keys are listed in that order and matched by position. BatchNorm's
 * {@code num_batches_tracked} buffer has no DJL counterpart and is not listed: PyTorch fills it with 0 when a
 * state dict without it is loaded (it only matters with {@code momentum=None}).
 */
final class TorchNames {
    private static final String[] BATCH_NORM = {"weight", "bias", "running_mean", "running_var"};
    private static final int[] RESNET_PLANES = {64, 128, 256, 512};
    private static final int[] RESNET_STRIDES = {1, 2, 2, 2};

    private final List<String> keys = new ArrayList<>();

    private TorchNames() {}

    /** {@return the state-dict keys of model {@code name} (as {@link Models#build} takes it), in DJL's order} */
    static List<String> of(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        TorchNames n = new TorchNames();
        if (ModelNames.FCNET.matcher(key).matches()) {
            n.linear("1");
            n.linear("3");
            return n.keys;
        }
        switch (key) {
            case "resnet18" -> n.resnet18();
            case "lenet" -> {
                n.linear("conv1");
                n.linear("conv2");
                n.linear("fc1");
                n.linear("fc2");
                n.linear("fc3");
            }
            case "dla" -> n.dla(false);
            case "simpledla" -> n.dla(true);
            default -> throw new IllegalArgumentException("no PyTorch names for model '" + name + "'");
        }
        return n.keys;
    }

    private void resnet18() {
        keys.add("conv1.weight");
        batchNorm("bn1");
        int inPlanes = 64;
        for (int stage = 0; stage < RESNET_PLANES.length; stage++) {
            for (int i = 0; i < 2; i++) {
                int stride = i == 0 ? RESNET_STRIDES[stage] : 1;
                basicBlock("layer" + (stage + 1) + "." + i, inPlanes, RESNET_PLANES[stage], stride);
                inPlanes = RESNET_PLANES[stage];
            }
        }
        linear("linear");
    }

    private void dla(boolean simple) {
        for (String stem : List.of("base", "layer1", "layer2")) {
            keys.add(stem + ".0.weight");
            batchNorm(stem + ".1");
        }
        int[][] trees = {{32, 64, 1, 1}, {64, 128, 2, 2}, {128, 256, 2, 2}, {256, 512, 1, 2}};
        for (int t = 0; t < trees.length; t++) {
            int[] a = trees[t];
            if (simple) {
                simpleTree("layer" + (t + 3), a[0], a[1], a[2], a[3]);
            } else {
                tree("layer" + (t + 3), a[0], a[1], a[2], a[3]);
            }
        }
        linear("linear");
    }

    /** dla.py's Tree: root, subtrees {@code level_<L-1>..level_1}, left_node, right_node. */
    private void tree(String p, int in, int out, int level, int stride) {
        root(p);
        if (level == 1) {
            basicBlock(p + ".left_node", in, out, stride);
        } else {
            for (int i = level - 1; i >= 1; i--) {
                tree(p + ".level_" + i, in, out, i, stride);
            }
            basicBlock(p + ".left_node", out, out, 1);
        }
        basicBlock(p + ".right_node", out, out, 1);
    }

    /** dla_simple.py's Tree: root, left_tree, right_tree. */
    private void simpleTree(String p, int in, int out, int level, int stride) {
        root(p);
        if (level == 1) {
            basicBlock(p + ".left_tree", in, out, stride);
            basicBlock(p + ".right_tree", out, out, 1);
        } else {
            simpleTree(p + ".left_tree", in, out, level - 1, stride);
            simpleTree(p + ".right_tree", out, out, level - 1, 1);
        }
    }

    private void root(String p) {
        keys.add(p + ".root.conv.weight");
        batchNorm(p + ".root.bn");
    }

    private void basicBlock(String p, int in, int out, int stride) {
        keys.add(p + ".conv1.weight");
        batchNorm(p + ".bn1");
        keys.add(p + ".conv2.weight");
        batchNorm(p + ".bn2");
        if (stride != 1 || in != out) {
            keys.add(p + ".shortcut.0.weight");
            batchNorm(p + ".shortcut.1");
        }
    }

    /** A layer with weight and bias (Linear, or a Conv2d with bias). */
    private void linear(String p) {
        keys.add(p + ".weight");
        keys.add(p + ".bias");
    }

    private void batchNorm(String p) {
        for (String s : BATCH_NORM) {
            keys.add(p + "." + s);
        }
    }
}
