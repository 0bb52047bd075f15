#!/usr/bin/env python3
"""Writes the PyTorch reference vectors that ConvolutionReferenceTests compares ConvolutionKernels with.

Run from the repository root (Debian's torch is only visible to the system interpreter):

    sudo apt-get install python3-torch libopenblas0-pthread
    OMP_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_conv_reference.py

It rewrites tests/NeuralDsl.Tests/Reference/conv.json: per case, a kernel call's geometry and
arguments and what PyTorch computes from them: the output, and for the weighted sum
loss = sum(upstream * output) the gradients with respect to the input, the kernel and the bias
(upstream is therefore dz, or dy, of the kernel's backward pass).

PyTorch is channels-first ([N, C, H, W], Conv2d weights [OutC, InC, KH, KW]); this script converts
every tensor to the kernels' layout before writing: samples [H, W, C], kernels [KH, KW, InC, OutC]
(Keras' layout), 1-D samples [Steps, C] as H = 1. The values are float32 draws, computed on in
float64, so the references are the exact math that the float32 kernels are compared with.

The math is PyTorch's modules (nn.Conv2d, nn.Conv1d, nn.MaxPool2d, nn.MaxPool1d, nn.AvgPool2d,
nn.AvgPool1d with count_include_pad=False) and autograd. Keras' "same" padding puts the odd pad after
the input; PyTorch 1.13 refuses padding='same' with a stride and pads symmetrically, so those cases
pad explicitly with F.pad first: zeros for convolution, -inf for max pooling. Average pooling over an
asymmetric padding has no PyTorch module: it is written as the window sum of the zero-padded input
divided by the window sum of a zero-padded ones tensor (avg_pool2d with divisor_override=1), which
autograd differentiates. Max pooling cases draw values on a grid of 0.5, so windows hold equal
maxima: PyTorch's CPU kernel gives the gradient to the first in row-major scan order.
"""

import json
import math
import os
import sys
import zlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "NeuralDsl.Tests", "Reference", "conv.json")
GENERATOR = "tests/reference/make_conv_reference.py"
NEG_INF = float("-inf")


def keras_padding(size: int, window: int, stride: int, padding: str):
    """(before, after, out) by Keras' rule: "valid" floors, "same" gives ceil(size / stride) outputs."""
    if padding == "valid":
        return 0, 0, (size - window) // stride + 1
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + window - size, 0)
    return total // 2, total - total // 2, out


def draw(rng, shape, grid=None):
    values = rng.standard_normal(shape).astype(np.float32)
    if grid is not None:
        values = (np.round(values / grid) * grid).astype(np.float32)
    return torch.tensor(values.astype(np.float64), requires_grad=True)


def hwc(t: torch.Tensor) -> list:
    """[1, C, H, W] or [1, C, W] -> [H, W, C] flat."""
    a = t.detach().numpy()[0]
    if a.ndim == 2:
        a = a[:, None, :]
    return [float(v) for v in np.transpose(a, (1, 2, 0)).ravel()]


def keras_kernel(w: torch.Tensor) -> list:
    """[OutC, InC, KH, KW] or [OutC, InC, K] -> [KH, KW, InC, OutC] flat."""
    a = w.detach().numpy()
    if a.ndim == 3:
        a = a[:, :, None, :]
    return [float(v) for v in np.transpose(a, (2, 3, 1, 0)).ravel()]


def flat(t: torch.Tensor) -> list:
    return [float(v) for v in t.detach().numpy().ravel()]


def rng_for(name: str):
    return np.random.default_rng(zlib.crc32(name.encode()))


def conv_case(name, in_h, in_w, in_c, kh, kw, out_c, stride_h, stride_w, padding, bias=True):
    """Conv2d, or Conv1d when in_h == kh == 1 (input [1, C, Steps])."""
    rng = rng_for(name)
    one_d = in_h == 1 and kh == 1
    top, bottom, out_h = keras_padding(in_h, kh, stride_h, padding)
    left, right, out_w = keras_padding(in_w, kw, stride_w, padding)
    if one_d:
        layer = nn.Conv1d(in_c, out_c, kw, stride=stride_w, bias=bias, dtype=torch.float64)
        x = draw(rng, (1, in_c, in_w))
        padded = F.pad(x, (left, right))
    else:
        layer = nn.Conv2d(in_c, out_c, (kh, kw), stride=(stride_h, stride_w), bias=bias, dtype=torch.float64)
        x = draw(rng, (1, in_c, in_h, in_w))
        padded = F.pad(x, (left, right, top, bottom))
    with torch.no_grad():
        layer.weight.copy_(draw(rng, tuple(layer.weight.shape)))
        if bias:
            layer.bias.copy_(draw(rng, (out_c,)))
    z = layer(padded)
    assert z.shape[-1] == out_w and (one_d or z.shape[-2] == out_h), (name, z.shape)
    upstream = draw(rng, tuple(z.shape)).detach()
    (z * upstream).sum().backward()
    return {
        "name": name,
        "kind": "Conv1d" if one_d else "Conv2d",
        "geometry": [in_h, in_w, in_c, kh, kw, out_c, stride_h, stride_w, top, left, out_h, out_w],
        "x": hwc(x),
        "kernel": keras_kernel(layer.weight),
        "bias": flat(layer.bias) if bias else [],
        "upstream": hwc(upstream),
        "output": hwc(z),
        "dx": hwc(x.grad),
        "d_kernel": keras_kernel(layer.weight.grad),
        "d_bias": flat(layer.bias.grad) if bias else [],
    }


def pool_case(name, kind, in_h, in_w, c, pool_h, pool_w, stride_h, stride_w, padding):
    """kind "max" or "average"; padding "valid", "same" (Keras, maybe asymmetric) or an int (PyTorch's symmetric padding)."""
    rng = rng_for(name)
    one_d = in_h == 1 and pool_h == 1
    x = draw(rng, (1, c, in_w) if one_d else (1, c, in_h, in_w), grid=0.5 if kind == "max" else None)
    if isinstance(padding, int):
        top = 0 if one_d else padding
        left = padding
        out_h = 1 if one_d else (in_h + 2 * padding - pool_h) // stride_h + 1
        out_w = (in_w + 2 * padding - pool_w) // stride_w + 1
        if one_d:
            module = nn.MaxPool1d(pool_w, stride_w, padding) if kind == "max" else nn.AvgPool1d(pool_w, stride_w, padding, count_include_pad=False)
        else:
            module = (nn.MaxPool2d((pool_h, pool_w), (stride_h, stride_w), padding) if kind == "max"
                      else nn.AvgPool2d((pool_h, pool_w), (stride_h, stride_w), padding, count_include_pad=False))
        y = module(x)
    else:
        top, bottom, out_h = keras_padding(in_h, pool_h, stride_h, padding)
        left, right, out_w = keras_padding(in_w, pool_w, stride_w, padding)
        pads = (left, right) if one_d else (left, right, top, bottom)
        window = pool_w if one_d else (pool_h, pool_w)
        stride = stride_w if one_d else (stride_h, stride_w)
        if kind == "max":
            module = nn.MaxPool1d(window, stride) if one_d else nn.MaxPool2d(window, stride)
            y = module(F.pad(x, pads, value=NEG_INF))
        else:
            pool = F.avg_pool1d if one_d else F.avg_pool2d
            if one_d:
                window_sum = lambda t: pool(t, window, stride) * pool_w
            else:
                window_sum = lambda t: pool(t, window, stride, divisor_override=1)
            y = window_sum(F.pad(x, pads)) / window_sum(F.pad(torch.ones_like(x), pads))
    assert y.shape[-1] == out_w and (one_d or y.shape[-2] == out_h), (name, y.shape)
    upstream = draw(rng, tuple(y.shape)).detach()
    (y * upstream).sum().backward()
    return {
        "name": name,
        "kind": "MaxPool" if kind == "max" else "AvgPool",
        "geometry": [in_h, in_w, c, pool_h, pool_w, stride_h, stride_w, top, left, out_h, out_w],
        "x": hwc(x),
        "upstream": hwc(upstream),
        "output": hwc(y),
        "dx": hwc(x.grad),
    }


def cases() -> list:
    return [
        conv_case("conv2d 3x3 same", 5, 6, 3, 3, 3, 4, 1, 1, "same"),
        # Keras "same" with stride 2 on an even size: 0 before, 1 after.
        conv_case("conv2d 3x3 stride 2 same", 6, 6, 2, 3, 3, 5, 2, 2, "same"),
        conv_case("conv2d 3x2 strides 2,1 valid no bias", 7, 5, 2, 3, 2, 3, 2, 1, "valid", bias=False),
        conv_case("conv2d 40 filters same", 4, 4, 3, 3, 3, 40, 1, 1, "same"),
        conv_case("conv2d 4x4 stride 3 same", 8, 7, 2, 4, 4, 9, 3, 3, "same"),
        conv_case("conv1d 3 stride 2 same", 1, 10, 3, 1, 3, 4, 1, 2, "same"),
        conv_case("conv1d 5 valid", 1, 12, 2, 1, 5, 6, 1, 1, "valid"),
        pool_case("max 2x2 stride 2 valid", "max", 5, 7, 3, 2, 2, 2, 2, "valid"),
        pool_case("max 3x3 stride 2 pad 1", "max", 6, 7, 2, 3, 3, 2, 2, 1),
        pool_case("max 2x2 stride 2 same", "max", 5, 5, 4, 2, 2, 2, 2, "same"),
        pool_case("max 3x3 stride 1 same", "max", 4, 5, 3, 3, 3, 1, 1, "same"),
        pool_case("avg 2x2 stride 2 valid", "average", 6, 5, 3, 2, 2, 2, 2, "valid"),
        pool_case("avg 3x3 stride 2 pad 1", "average", 6, 7, 2, 3, 3, 2, 2, 1),
        pool_case("avg 2x2 stride 2 same", "average", 5, 5, 4, 2, 2, 2, 2, "same"),
        pool_case("avg 3x3 stride 2 same", "average", 6, 7, 2, 3, 3, 2, 2, "same"),
        pool_case("max1d 2", "max", 1, 9, 4, 1, 2, 1, 2, "valid"),
        pool_case("max1d 3 stride 2 same", "max", 1, 10, 3, 1, 3, 1, 2, "same"),
        pool_case("avg1d 3 stride 2 pad 1", "average", 1, 9, 4, 1, 3, 1, 2, 1),
        pool_case("avg1d 2 stride 2 same", "average", 1, 9, 3, 1, 2, 1, 2, "same"),
    ]


def render(value, indent: str = "") -> str:
    """Objects one key per line, arrays of numbers on one line, arrays of objects one per line."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {render(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and isinstance(value[0], (list, dict)):
        return "[\n" + ",\n".join(inner + render(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, separators=(", ", ": "))


def main() -> int:
    document = {"generator": GENERATOR, "torch_version": torch.__version__, "cases": cases()}
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(render(document) + "\n")
    print(f"wrote {os.path.normpath(OUTPUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
