#!/usr/bin/python3
"""Loads kept models (final.safetensors) into the PyTorch classes and prints their eval logits, for ModelFilesTest.

    /usr/bin/python3 worker/src/test/python/load_kept_model.py MODEL CHANNELS CLASSES FILE [MODEL CHANNELS ...]

Each file is loaded with model.load_state_dict(..., strict=True) into the kuangliu-named model of
torch_state_dict_keys.py; the logits of the input x_k = sin(0.61 * k + 0.0007 * k * k + 0.2) (batch 2, as
model_forward_reference.py) in eval mode are printed as one JSON list per file. The file is read with
safetensors.torch.load_file when the safetensors package is installed, else parsed here without it (the
format is an 8-byte little-endian header length, a JSON header, then little-endian data), which is also how a
user without safetensors can load it.
"""
import json
import struct
import sys

import numpy as np
import torch

import torch_state_dict_keys as keys


def load_without_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", info
        begin, end = info["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[begin:end], dtype="<f4").copy()).reshape(info["shape"])
    return out


def load(path):
    try:
        from safetensors.torch import load_file
    except ImportError:
        return load_without_safetensors(path)
    return load_file(path)


def main(args):
    torch.set_num_threads(2)
    for i in range(0, len(args), 4):
        name, cin, classes, path = args[i], int(args[i + 1]), int(args[i + 2]), args[i + 3]
        model = keys.build(name, cin, classes)
        model.load_state_dict(load(path), strict=True)
        model.eval()
        k = np.arange(2 * cin * 32 * 32, dtype=np.float64)
        x = np.sin(0.61 * k + 0.0007 * k * k + 0.2).astype(np.float32).reshape(2, cin, 32, 32)
        with torch.no_grad():
            logits = model(torch.from_numpy(x))
        print(json.dumps(logits.flatten().tolist()))


if __name__ == "__main__":
    main(sys.argv[1:])
