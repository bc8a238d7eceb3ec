#!/usr/bin/python3
"""The state_dict keys and shapes of the kuangliu/pytorch-cifar models, for ModelFilesTest.

The kept models (runs/<sweep>/models/<index>/final.safetensors) name their tensors as the state_dict of the
original PyTorch classes, so that `model.load_state_dict(...)` works on them. This script lists those keys
and shapes for every model; the Java test checks the written file against the list and needs no Python.

The modules are those of model_forward_reference.py (the same structure and order of registration as
kuangliu's resnet.py, lenet.py, dla.py, dla_simple.py), except ResNet18, which is rebuilt here with the
original's attribute names: conv1, bn1, layer1..layer4 (each an nn.Sequential of two BasicBlocks), linear.
FCNet has no original: it is nn.Sequential(Flatten, Linear, ReLU, Linear), keys 1.* and 3.*.

Run with Debian's PyTorch (apt-get install python3-torch), from the repository root:

    /usr/bin/python3 worker/src/test/python/torch_state_dict_keys.py

It rewrites worker/src/test/resources/torch-state-dict.json.
"""
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model_forward_reference as ref  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torch-state-dict.json")
# (name, input channels, classes)
CASES = [
    ("resnet18", 3, 10),
    ("lenet", 1, 10),
    ("dla", 3, 10),
    ("simpledla", 1, 10),
    ("fcnet20", 1, 10),
]


class ResNet18(nn.Module):
    """kuangliu's ResNet(BasicBlock, [2, 2, 2, 2]) with its attribute names."""

    def __init__(self, cin, classes):
        super().__init__()
        self.conv1 = ref.conv(cin, 64, 3, 1, 1)
        self.bn1 = nn.BatchNorm2d(64)
        planes_in = 64
        for i, (planes, stride) in enumerate([(64, 1), (128, 2), (256, 2), (512, 2)]):
            blocks = []
            for s in (stride, 1):
                blocks.append(ref.BasicBlock(planes_in, planes, s))
                planes_in = planes
            setattr(self, "layer%d" % (i + 1), nn.Sequential(*blocks))
        self.linear = nn.Linear(512, classes)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        for i in range(1, 5):
            out = getattr(self, "layer%d" % i)(out)
        return self.linear(torch.flatten(F.avg_pool2d(out, 4), 1))


def build(name, cin, classes):
    return ResNet18(cin, classes) if name == "resnet18" else ref.build(name, cin, classes)


def main():
    cases = []
    for name, cin, classes in CASES:
        model = build(name, cin, classes)
        model(torch.zeros(1, cin, 32, 32))  # the model runs on 32x32 inputs
        tensors = [[k, list(t.shape), str(t.dtype).replace("torch.", "")] for k, t in model.state_dict().items()]
        cases.append({"model": name, "channels": cin, "classes": classes, "tensors": tensors})
        print("%-10s %d ch: %3d tensors" % (name, cin, len(tensors)))
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "generated_by": "worker/src/test/python/torch_state_dict_keys.py",
                   "cases": cases}, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
