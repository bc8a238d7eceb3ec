#!/usr/bin/env python3
"""PyTorch's own figures for the batchwise filter on this machine, beside `bin/worker bench`.

Issue 7 asks the worker's batch filter at acceptance 0.5 to cost at most 1.6x the archetype per
trained image, and quotes PyTorch's own 1.59x (ResNet18 on an H100). This script measures the same
arithmetic with plain PyTorch eager on the machine at hand, so that the worker's ratios can be read
against what PyTorch itself gives for the same model, batch and device:

- archetype: per step, forward with gradients, per-sample cross entropy, mean, backward, SGD
  (momentum 0.9, weight decay 5e-4); the batch is gathered by index from one tensor of the data.
- filter at acceptance a: a no-grad eval forward of a raw batch, per-sample losses, keep the fraction
  a of it (spread over the batch, as the worker bench's fixed rule does), then the archetype's step on
  the kept samples. `adaptive`: one raw batch of batch/a, judged in one forward; `fixed`: raw batches
  of the batch size until a batch is full, the overflow discarded.
- the contenders run in interleaved rounds and each ratio is taken within a round (the machine is
  shared); the figures are medians over the rounds with [min-max].

Prints JSON. Needs only PyTorch. Not a test. On Debian 12: `apt-get install python3-torch
libopenblas0-pthread` (without OpenBLAS, Debian's torch uses the reference BLAS and its linear layers
run about 10 times slower), then

    /usr/bin/python3 worker/bench/pytorch_filter_ratio.py --model lenet --batch 128

`--device cuda` times the same on a GPU (synchronising around each timed stretch); not run here.
"""
import argparse
import json
import os
import platform
import statistics
import time

# Debian's torch calls OpenBLAS for linear layers; its own threads on top of torch's oversubscribe the cores
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch  # noqa: E402
import torch.nn as nn
import torch.nn.functional as F


class LeNet(nn.Module):
    """kuangliu/pytorch-cifar LeNet, as the worker builds it (models/LeNet.java)."""

    def __init__(self, channels, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


class FcNet(nn.Module):
    """flatten, Linear(in, hidden), ReLU, Linear(hidden, classes) (models/FcNet.java)."""

    def __init__(self, inputs, hidden, classes):
        super().__init__()
        self.fc1 = nn.Linear(inputs, hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x.flatten(1))))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))


class ResNet18(nn.Module):
    """kuangliu/pytorch-cifar ResNet18 (models/ResNet18.java)."""

    def __init__(self, channels, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, 64, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        layers, cin = [], 64
        for cout, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
            layers += [BasicBlock(cin, cout, stride), BasicBlock(cout, cout, 1)]
            cin = cout
        self.layers = nn.Sequential(*layers)
        self.linear = nn.Linear(512, classes)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.layers(out)
        out = F.adaptive_avg_pool2d(out, 1).flatten(1)
        return self.linear(out)


MODELS = {
    # name: (input shape, constructor), the shapes the worker bench uses
    "fcnet1000": ((1, 32, 32), lambda: FcNet(32 * 32, 1000, 10)),
    "lenet": ((1, 32, 32), lambda: LeNet(1, 10)),
    "resnet18": ((3, 32, 32), lambda: ResNet18(3, 10)),
}


class Run:
    """One model, its optimiser and the data, with the contenders as methods."""

    def __init__(self, name, batch, samples, seed, device):
        torch.manual_seed(seed)
        shape, make = MODELS[name]
        self.model = make().to(device)
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
        self.x = torch.randn(samples, *shape, device=device)
        self.y = torch.randint(0, 10, (samples,), device=device)
        self.device = device
        self.batch = batch
        self.samples = samples
        self.order = torch.randperm(samples, device=device)
        self.cursor = 0
        self.forwarded = 0

    def _next(self, n):
        if self.cursor + n > self.samples:
            self.order = torch.randperm(self.samples, device=self.device)
            self.cursor = 0
        idx = self.order[self.cursor:self.cursor + n]
        self.cursor += n
        return idx

    def _step(self, idx):
        self.model.train()
        logits = self.model(self.x[idx])
        loss = F.cross_entropy(logits, self.y[idx], reduction="none").mean()
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()

    def _judge(self, idx):
        self.model.eval()
        with torch.no_grad():
            losses = F.cross_entropy(self.model(self.x[idx]), self.y[idx], reduction="none")
        self.forwarded += len(idx)
        return losses

    @staticmethod
    def _keep(idx, losses, acceptance):
        # exactly round(a * n) samples spread over the raw batch (losses computed, as a filter must)
        n = len(idx)
        k = max(1, round(acceptance * n))
        pos = torch.div(torch.arange(k, device=idx.device) * n, k, rounding_mode="floor")
        _ = losses[pos]
        return idx[pos]

    def archetype(self, steps):
        for _ in range(steps):
            self._step(self._next(self.batch))

    def plain_forward(self, steps, size):
        self.model.eval()
        with torch.no_grad():
            for _ in range(steps):
                self.model(self.x[self._next(size)])

    def filter_adaptive(self, steps, acceptance):
        raw = round(self.batch / acceptance)
        for _ in range(steps):
            idx = self._next(raw)
            kept = self._keep(idx, self._judge(idx), acceptance)[: self.batch]
            self._step(kept)

    def filter_fixed(self, steps, acceptance):
        for _ in range(steps):
            parts, have = [], 0
            while have < self.batch:
                idx = self._next(self.batch)
                kept = self._keep(idx, self._judge(idx), acceptance)
                parts.append(kept)
                have += len(kept)
            self._step(torch.cat(parts)[: self.batch])


def timed(fn, *args):
    sync()
    start = time.perf_counter()
    fn(*args)
    sync()
    return time.perf_counter() - start


def sync():
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        torch.cuda.synchronize()


def summary(values):
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3)}


def bench(name, batch, steps, rounds, seed, device):
    run = Run(name, batch, samples=max(4096, 8 * batch), seed=seed, device=device)
    contenders = {"archetype": (run.archetype,)}
    for a in (1.0, 0.5, 0.25):
        contenders[f"filter_{a}_fixed"] = (run.filter_fixed, a)
        contenders[f"filter_{a}_adaptive"] = (run.filter_adaptive, a)
    # warm-up: one short round of everything
    for fn, *args in contenders.values():
        fn(max(1, steps // 5), *args)
    run.plain_forward(2, batch)
    per_image = {k: [] for k in contenders}
    ratios = {k: [] for k in contenders if k != "archetype"}
    forward_vs_step = []
    load = [os.getloadavg()[0]]
    for _ in range(rounds):
        seconds = {k: timed(fn, steps, *args) for k, (fn, *args) in contenders.items()}
        fwd = timed(run.plain_forward, steps, batch)
        for k, s in seconds.items():
            per_image[k].append(1000.0 * s / (steps * batch))
        for k in ratios:
            ratios[k].append(seconds[k] / seconds["archetype"])
        forward_vs_step.append(fwd / seconds["archetype"])
    load.append(os.getloadavg()[0])
    return {
        "model": name,
        "batch": batch,
        "steps_per_round": steps,
        "rounds": rounds,
        "load_average_1min": load,
        "ms_per_trained_image": {k: summary(v) for k, v in per_image.items()},
        "ratio_to_archetype": {k: summary(v) for k, v in ratios.items()},
        "no_grad_forward_over_train_step": summary(forward_vs_step),
        "predicted_filter_0.5_from_forward": round(1 + 2 * statistics.median(forward_vs_step), 3),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", default="fcnet1000,lenet,resnet18",
                   help="comma-separated: " + ", ".join(MODELS))
    p.add_argument("--batch", type=int, default=0, help="batch size (default: 128, resnet18 16; on cuda 1024)")
    p.add_argument("--steps", type=int, default=0, help="steps per contender and round (default: 30, resnet18 4; on cuda 20)")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--device", default="cpu", choices=("cpu", "cuda"))
    p.add_argument("--cudnn-benchmark", action="store_true")
    a = p.parse_args()
    if a.device == "cuda" and not torch.cuda.is_available():
        p.error("--device cuda: this PyTorch sees no GPU")
    torch.set_num_threads(a.threads)
    torch.backends.cudnn.benchmark = a.cudnn_benchmark
    results = []
    for name in a.model.split(","):
        if name not in MODELS:
            p.error(f"--model {name}: expected one of {', '.join(MODELS)}")
        # the worker bench's defaults: on a CPU the demo's batch 128 (resnet18 16), on a GPU 1024 and 20 steps
        if a.device == "cuda":
            batch, steps = a.batch or 1024, a.steps or 20
        else:
            batch = a.batch or (16 if name == "resnet18" else 128)
            steps = a.steps or (4 if name == "resnet18" else 30)
        results.append(bench(name, batch, steps, a.rounds, a.seed, a.device))
    print(json.dumps({
        "torch": torch.__version__,
        "device": torch.cuda.get_device_name() if a.device == "cuda" else "cpu",
        "threads": torch.get_num_threads(),
        "mkldnn": torch.backends.mkldnn.is_available(),
        "machine": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "models": results,
    }, indent=2))


if __name__ == "__main__":
    main()
