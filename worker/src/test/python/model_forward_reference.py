#!/usr/bin/python3
"""Reference logits of every model on closed-form weights, for ModelForwardReferenceTest.

The models are those of kuangliu/pytorch-cifar (ResNet18 with BasicBlocks, LeNet, DLA from dla.py,
SimpleDLA from dla_simple.py), written out again here with the same structure and the same order of
registration, plus FCNet = Linear(in, N), ReLU, Linear(N, classes); `in_channels` replaces their fixed 3.

Weights: every tensor of the state dict (parameters and BatchNorm running statistics, without
num_batches_tracked), in state-dict order, is filled from one running index g over all of them:
s = sin(0.37 * g + 0.0013 * g * g), then by kind (the quadratic term matters: with sin(0.37 * g) alone
every tensor is a sampled sinusoid, a rank-2 tensor, and the logits hardly depend on the input)

    conv / linear weight   s * sqrt(3 / fan_in)      fan_in = size / shape[0]
    conv / linear bias     0.1 * s
    BatchNorm gamma        1 + 0.25 * s
    BatchNorm beta         0.1 * s
    running mean           0.1 * s
    running variance       1.25 + 0.25 * s

each value rounded to float32. The input is (2, C, 32, 32) with x_k = sin(0.61 * k + 0.0007 * k * k + 0.2)
over the flat index k, rounded to float32. Both sides evaluate the arguments left to right in float64. The forward runs in eval mode in float64 (on the float32 values), and the
logits are written with each tensor's name, kind and shape: the Java test fills DJL's parameters in
their own order, checking kind and shape position by position, which is the name mapping.

Run with Debian's PyTorch (apt-get install python3-torch), from the repository root:

    /usr/bin/python3 worker/src/test/python/model_forward_reference.py

It rewrites worker/src/test/resources/model-forward-reference.json; the tests need no Python.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "model-forward-reference.json")
BATCH = 2
# (name, input channels, classes)
CASES = [
    ("resnet18", 3, 10),
    ("lenet", 3, 10),
    ("lenet", 1, 10),
    ("dla", 3, 10),
    ("simpledla", 1, 10),
    ("fcnet20", 3, 10),
    ("fcnet7", 1, 100),
]


def conv(cin, cout, kernel, stride=1, padding=0, bias=False):
    return nn.Conv2d(cin, cout, kernel, stride=stride, padding=padding, bias=bias)


class BasicBlock(nn.Module):
    """Two 3x3 conv+BN, shortcut (identity or 1x1 conv+BN), sum, ReLU."""

    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.conv1 = conv(cin, cout, 3, stride, 1)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = conv(cout, cout, 3, 1, 1)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(conv(cin, cout, 1, stride), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))


class ResNet18(nn.Module):
    def __init__(self, cin, classes):
        super().__init__()
        self.conv1 = conv(cin, 64, 3, 1, 1)
        self.bn1 = nn.BatchNorm2d(64)
        blocks, planes_in = [], 64
        for planes, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            for s in (stride, 1):
                blocks.append(BasicBlock(planes_in, planes, s))
                planes_in = planes
        self.layers = nn.Sequential(*blocks)
        self.linear = nn.Linear(512, classes)

    def forward(self, x):
        out = self.layers(F.relu(self.bn1(self.conv1(x))))
        return self.linear(torch.flatten(F.avg_pool2d(out, 4), 1))


class LeNet(nn.Module):
    def __init__(self, cin, classes):
        super().__init__()
        self.conv1 = conv(cin, 6, 5, bias=True)
        self.conv2 = conv(6, 16, 5, bias=True)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, classes)

    def forward(self, x):
        out = F.max_pool2d(F.relu(self.conv1(x)), 2)
        out = F.max_pool2d(F.relu(self.conv2(out)), 2)
        out = torch.flatten(out, 1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(out)))))


def fcnet(cin, hidden, classes):
    return nn.Sequential(nn.Flatten(), nn.Linear(cin * 32 * 32, hidden), nn.ReLU(), nn.Linear(hidden, classes))


class Root(nn.Module):
    """Concatenate on channels, 1x1 conv, BN, ReLU."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv = conv(cin, cout, 1)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, xs):
        return F.relu(self.bn(self.conv(torch.cat(xs, 1))))


class Tree(nn.Module):
    """dla.py's Tree: subtrees of levels L-1..1 in a chain, then two BasicBlocks, all into the root."""

    def __init__(self, cin, cout, level=1, stride=1):
        super().__init__()
        self.level = level
        self.root = Root((level + 1) * cout, cout)
        if level == 1:
            self.left_node = BasicBlock(cin, cout, stride)
        else:
            for i in range(level - 1, 0, -1):
                setattr(self, "level_%d" % i, Tree(cin, cout, i, stride))
            self.left_node = BasicBlock(cout, cout, 1)
        self.right_node = BasicBlock(cout, cout, 1)

    def forward(self, x):
        xs = []
        for i in range(self.level - 1, 0, -1):
            x = getattr(self, "level_%d" % i)(x)
            xs.append(x)
        x = self.left_node(x)
        xs.append(x)
        x = self.right_node(x)
        xs.append(x)
        return self.root(xs)


class SimpleTree(nn.Module):
    """dla_simple.py's Tree: left and right subtree in a chain, the root over both."""

    def __init__(self, cin, cout, level=1, stride=1):
        super().__init__()
        self.root = Root(2 * cout, cout)
        if level == 1:
            self.left_tree = BasicBlock(cin, cout, stride)
            self.right_tree = BasicBlock(cout, cout, 1)
        else:
            self.left_tree = SimpleTree(cin, cout, level - 1, stride)
            self.right_tree = SimpleTree(cout, cout, level - 1, 1)

    def forward(self, x):
        out1 = self.left_tree(x)
        return self.root([out1, self.right_tree(out1)])


def conv_bn_relu(cin, cout):
    return nn.Sequential(conv(cin, cout, 3, 1, 1), nn.BatchNorm2d(cout), nn.ReLU())


class Dla(nn.Module):
    def __init__(self, tree, cin, classes):
        super().__init__()
        self.base = conv_bn_relu(cin, 16)
        self.layer1 = conv_bn_relu(16, 16)
        self.layer2 = conv_bn_relu(16, 32)
        self.layer3 = tree(32, 64, 1, 1)
        self.layer4 = tree(64, 128, 2, 2)
        self.layer5 = tree(128, 256, 2, 2)
        self.layer6 = tree(256, 512, 1, 2)
        self.linear = nn.Linear(512, classes)

    def forward(self, x):
        out = self.base(x)
        for layer in (self.layer1, self.layer2, self.layer3, self.layer4, self.layer5, self.layer6):
            out = layer(out)
        return self.linear(torch.flatten(F.avg_pool2d(out, 4), 1))


def build(name, cin, classes):
    if name == "resnet18":
        return ResNet18(cin, classes)
    if name == "lenet":
        return LeNet(cin, classes)
    if name == "dla":
        return Dla(Tree, cin, classes)
    if name == "simpledla":
        return Dla(SimpleTree, cin, classes)
    if name.startswith("fcnet"):
        return fcnet(cin, int(name[len("fcnet"):]), classes)
    raise ValueError(name)


def tensors(model):
    """(name, kind, tensor) of the state dict in its order, kinds named as DJL's Parameter.Type."""
    owner = {}
    for module_name, module in model.named_modules():
        for key in module.state_dict(keep_vars=True).keys():
            if "." not in key:
                owner[(module_name + "." + key) if module_name else key] = module
    out = []
    for name, t in model.state_dict(keep_vars=True).items():
        if name.endswith("num_batches_tracked"):
            continue
        leaf = name.rsplit(".", 1)[-1]
        if isinstance(owner[name], nn.BatchNorm2d):
            kind = {"weight": "GAMMA", "bias": "BETA", "running_mean": "RUNNING_MEAN",
                    "running_var": "RUNNING_VAR"}[leaf]
        else:
            kind = {"weight": "WEIGHT", "bias": "BIAS"}[leaf]
        out.append((name, kind, t))
    return out


def closed_form(kind, shape, start):
    """The float32 values of one tensor whose first element has running index `start`."""
    n = int(np.prod(shape))
    g = np.arange(start, start + n, dtype=np.float64)
    s = np.sin(0.37 * g + 0.0013 * g * g)
    if kind == "WEIGHT":
        v = s * math.sqrt(3.0 / (n // shape[0]))
    elif kind in ("BIAS", "BETA", "RUNNING_MEAN"):
        v = 0.1 * s
    elif kind == "GAMMA":
        v = 1 + 0.25 * s
    else:
        v = 1.25 + 0.25 * s
    return v.astype(np.float32).reshape(shape)


def reference(name, cin, classes):
    model = build(name, cin, classes).double().eval()
    start = 0
    listed = []
    weight_sum = 0.0
    with torch.no_grad():
        for tname, kind, t in tensors(model):
            values = closed_form(kind, tuple(t.shape), start)
            start += values.size
            weight_sum += float(values.astype(np.float64).sum())
            t.copy_(torch.from_numpy(values.astype(np.float64)))
            listed.append([tname, kind, list(t.shape)])
        k = np.arange(BATCH * cin * 32 * 32, dtype=np.float64)
        x = np.sin(0.61 * k + 0.0007 * k * k + 0.2).astype(np.float32).astype(np.float64).reshape(BATCH, cin, 32, 32)
        logits = model(torch.from_numpy(x))
    return {"model": name, "channels": cin, "classes": classes, "tensors": listed, "weight_sum": weight_sum,
            "logits": logits.tolist()}


def main():
    torch.set_num_threads(2)
    result = {
        "torch": torch.__version__,
        "generated_by": "worker/src/test/python/model_forward_reference.py",
        "batch": BATCH,
        "cases": [reference(*case) for case in CASES],
    }
    with open(OUT, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    for case in result["cases"]:
        flat = [v for row in case["logits"] for v in row]
        print("%-10s %d ch %3d classes: %3d tensors, |logits| max %.4g, first %s" % (
            case["model"], case["channels"], case["classes"], len(case["tensors"]),
            max(abs(v) for v in flat), ", ".join("%.5g" % v for v in flat[:3])))


if __name__ == "__main__":
    main()
