#!/usr/bin/env python3
"""Writes the PyTorch reference vectors that ConvolutionBatchNormalizationTests compares whole
generated networks with: batch normalisation after a convolution, per channel.

Run from the repository root (Debian's torch is only visible to the system interpreter):

    sudo apt-get install python3-torch libopenblas0-pthread
    OMP_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_conv_batchnorm_reference.py

It rewrites tests/NeuralDsl.Tests/Reference/conv_batchnorm.json: per network (declared again in
tests/NeuralDsl.Tests/Convolution/ConvolutionBatchNormalizationNetworks.cs), float32 draws of the
parameters, running statistics, inputs and targets, and what PyTorch computes from them in float64:

- in training mode (nn.BatchNorm2d / nn.BatchNorm1d with batch statistics over the batch and every
  position), the outputs, the mean squared error and its gradient with respect to every parameter,
  and the running statistics after that one forward pass;
- in inference mode with those updated running statistics, the outputs (what Predict gives after a
  training step left the parameters as they were, as ComputeGradients does).

Every array is in the network's layout, so the test reads them as they are: samples channels-last
([H, W, C], a sequence [steps, C]), convolution kernels [KH, KW, InC, OutC] (Keras'), dense kernels
[inputs, units], Flatten in channels-last order. PyTorch is channels-first, so the forward pass
permutes at each boundary; the leaves are the tensors in our layout, so autograd returns the
gradients in it too.

Momentum: Keras' (the weight of the old running value) is 1 - PyTorch's. PyTorch updates running_var
with the UNBIASED variance over the batch x positions values of a channel (n / (n - 1) times the biased
one it normalises with), and so does NeuralDsl for vectors and shaped inputs alike
(Normalization.BatchNormTrain, the same convention make_reference.py checks for the dense networks).
"""

import json
import os
import sys
import zlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "NeuralDsl.Tests", "Reference", "conv_batchnorm.json")
GENERATOR = "tests/reference/make_conv_batchnorm_reference.py"


def draw(rng, shape, scale=1.0, positive=False):
    values = (rng.standard_normal(shape) * scale).astype(np.float32)
    if positive:
        values = (np.abs(values) + np.float32(0.5)).astype(np.float32)
    return values


def leaf(values):
    return torch.tensor(values.astype(np.float64), requires_grad=True)


def flat(t) -> list:
    return [float(v) for v in (t.detach().numpy() if isinstance(t, torch.Tensor) else t).ravel()]


def f32(value: float) -> float:
    return float(np.float32(value))


def case(name, input_shape, conv, norm, activation, dense_units, batch):
    """input_shape (H, W, C) or (steps, C); conv (filters, kernel, use_bias); norm (momentum, epsilon) in Keras' convention."""
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    one_d = len(input_shape) == 2
    in_c = input_shape[-1]
    filters, k, use_bias = conv
    momentum, epsilon = norm
    kernel_shape = (1, k, in_c, filters) if one_d else (k, k, in_c, filters)
    out_positions = (input_shape[0] - k + 1) if one_d else (input_shape[0] - k + 1) * (input_shape[1] - k + 1)
    flat_size = out_positions * filters

    kernel = leaf(draw(rng, kernel_shape, 0.5))
    bias = leaf(draw(rng, (filters,), 0.5)) if use_bias else None
    gamma = draw(rng, (filters,), 0.3) + np.float32(1.0)
    beta = draw(rng, (filters,), 0.3)
    dense = leaf(draw(rng, (flat_size, dense_units), 0.3))
    dense_bias = leaf(draw(rng, (dense_units,), 0.3))
    running_mean = draw(rng, (filters,), 0.2)
    running_var = draw(rng, (filters,), 0.5, positive=True)
    x = draw(rng, (batch,) + tuple(input_shape))
    y = draw(rng, (batch, dense_units))

    norm_module = (nn.BatchNorm1d if one_d else nn.BatchNorm2d)(filters, eps=f32(epsilon), momentum=1.0 - f32(momentum)).double()
    with torch.no_grad():
        norm_module.weight.copy_(torch.tensor(gamma.astype(np.float64)))
        norm_module.bias.copy_(torch.tensor(beta.astype(np.float64)))
        norm_module.running_mean.copy_(torch.tensor(running_mean.astype(np.float64)))
        norm_module.running_var.copy_(torch.tensor(running_var.astype(np.float64)))

    def forward(training: bool):
        norm_module.train(training)
        inputs = torch.tensor(x.astype(np.float64))
        if one_d:
            weight = kernel[0].permute(2, 1, 0)                        # [K, InC, OutC] -> [OutC, InC, K]
            z = F.conv1d(inputs.permute(0, 2, 1), weight, bias)       # [N, OutC, steps]
        else:
            weight = kernel.permute(3, 2, 0, 1)                        # [KH, KW, InC, OutC] -> [OutC, InC, KH, KW]
            z = F.conv2d(inputs.permute(0, 3, 1, 2), weight, bias)    # [N, OutC, H, W]
        normalised = norm_module(z)
        a = torch.relu(normalised) if activation == "ReLU" else torch.tanh(normalised)
        channels_last = a.permute(0, 2, 1) if one_d else a.permute(0, 2, 3, 1)
        return channels_last.reshape(batch, -1) @ dense + dense_bias

    outputs = forward(training=True)
    loss = F.mse_loss(outputs, torch.tensor(y.astype(np.float64)))
    loss.backward()
    leaves = [kernel] + ([bias] if use_bias else []) + [norm_module.weight, norm_module.bias, dense, dense_bias]
    with torch.no_grad():
        inference = forward(training=False)

    return {
        "name": name,
        "batch": batch,
        "momentum": f32(momentum),
        "epsilon": f32(epsilon),
        "parameters": [v for t in leaves for v in flat(t)],
        "state": flat(running_mean) + flat(running_var),
        "inputs": flat(x),
        "targets": flat(y),
        "training_outputs": flat(outputs),
        "loss": float(loss),
        "gradients": [v for t in leaves for v in flat(t.grad)],
        "state_after": flat(norm_module.running_mean) + flat(norm_module.running_var),
        "inference_outputs_after": flat(inference),
    }


def cases() -> list:
    return [
        # Conv2D(3, 3, UseBias = false) on (5, 5, 2) -> (3, 3, 3), 9 positions x 4 samples per channel.
        case("Conv2DBatchNormRelu", (5, 5, 2), (3, 3, False), (0.9, 1e-3), "ReLU", 2, 4),
        # Conv1D(4, 3) with biases (which the normalisation cancels) on (7, 3) -> (5, 4); Keras' default momentum.
        case("Conv1DBatchNormTanh", (7, 3), (4, 3, True), (0.99, 1e-2), "Tanh", 2, 3),
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
