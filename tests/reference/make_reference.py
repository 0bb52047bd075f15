#!/usr/bin/env python3
"""Writes the PyTorch reference vectors that PyTorchParityTests compares the generated networks with.

Run from the repository root (Debian's torch is only visible to the system interpreter):

    sudo apt-get install python3-torch libopenblas0-pthread
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_reference.py

It rewrites tests/NeuralDsl.Tests/Reference/<Network>.json, one file per network of NETWORKS below,
whose declarations must match the classes in tests/NeuralDsl.Tests/Reference/ReferenceNetworks.cs
(the C# test checks the layers, loss and learning rate recorded here against them; a wrong Huber
delta shows in the loss).

Each file holds float32 parameters, inputs and targets, and what PyTorch computes from them in
float64: batch outputs, mean loss, its gradient, and the parameters after five SGD steps on the same
batch (with the loss before each step). Starting from float32-representable values and computing in
float64 makes the vectors the exact math, to which the float32 generated code is compared.

The math is PyTorch's own modules and functions (nn.Linear, nn.PReLU, torch.nn.functional, the loss
modules, autograd, torch.optim.SGD). Where PyTorch has no module (hinge, cross-entropy on sigmoid
outputs) the formula is written in torch ops and differentiated by autograd.

Random draws come from numpy's PCG64, seeded from the network's name. Draws whose trajectory passes
within MARGIN of a kink (ReLU-family pre-activations at 0, the MAE/Huber/hinge breakpoints) are
rejected and redrawn, so float32 rounding in the code under test can never pick another branch.
"""

import json
import math
import os
import sys
import zlib
from dataclasses import dataclass
from typing import List, Optional

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

OUTPUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "NeuralDsl.Tests", "Reference")
STEPS = 5
# Closest any branch point may come, in the units of the quantity that branches.
MARGIN = 1e-3
MAX_ATTEMPTS = 1000

# NeuralDsl's defaults for the activation parameter (DenseAttribute.Alpha).
DEFAULT_ALPHA = {"LeakyReLU": 0.01, "ELU": 1.0, "PReLU": 0.25}
# Activations with a kink (or a jump) at z = 0.
KINKED = {"ReLU", "LeakyReLU", "ELU", "SELU", "PReLU", "Step"}
PROBABILITY_EPSILON = 1e-7  # Losses.ProbabilityEpsilon


def f32(value: float) -> float:
    """The float32 value the C# declaration holds for a literal such as 0.2f, as a Python float."""
    return float(np.float32(value))


@dataclass
class Layer:
    units: int
    activation: str
    alpha: Optional[float] = None

    @property
    def resolved_alpha(self) -> float:
        if self.alpha is not None:
            return f32(self.alpha)
        return f32(DEFAULT_ALPHA.get(self.activation, 0.0))


@dataclass
class Network:
    """One network: its declaration (mirrored in ReferenceNetworks.cs) and how to draw its data."""
    name: str
    inputs: int
    layers: List[Layer]
    loss: str = "None"
    learning_rate: float = 0.01
    huber_delta: float = 1.0
    batch: int = 5
    input_scale: float = 1.0
    weight_scale: float = 1.0
    bias_scale: float = 0.5
    bias_center: float = 0.0
    target_scale: float = 1.0
    one_hot: bool = False
    # Whether kinked layers must have units on both sides of 0 (off for networks probing one tail).
    both_sides: bool = True
    notes: str = ""

    @property
    def outputs(self) -> int:
        return self.layers[-1].units

    @property
    def target_size(self) -> int:
        return 1 if self.loss == "SparseCategoricalCrossEntropy" else self.outputs


NETWORKS = [
    Network("PtTanhMse", 3, [Layer(4, "Tanh"), Layer(2, "Linear")],
            loss="MeanSquaredError", learning_rate=0.1,
            notes="Tanh hidden, linear output, mean squared error."),
    Network("PtReluMae", 4, [Layer(6, "ReLU"), Layer(3, "Linear")],
            loss="MeanAbsoluteError", learning_rate=0.05, weight_scale=1.5,
            notes="ReLU hidden (active and inactive units), mean absolute error."),
    Network("PtLeakyReluHuber", 3, [Layer(5, "LeakyReLU", 0.2), Layer(2, "Linear")],
            loss="Huber", huber_delta=0.5, learning_rate=0.1, weight_scale=1.5, target_scale=1.5,
            notes="LeakyReLU with alpha 0.2, Huber with delta 0.5 (samples on both sides of delta)."),
    Network("PtEluSigmoidBce", 3, [Layer(4, "ELU", 0.7), Layer(2, "Sigmoid")],
            loss="BinaryCrossEntropy", learning_rate=0.5, weight_scale=1.5,
            notes="ELU with alpha 0.7; sigmoid + binary cross-entropy, fused (BCEWithLogitsLoss)."),
    Network("PtSeluSoftmaxCce", 4, [Layer(5, "SELU"), Layer(3, "Softmax")],
            loss="CategoricalCrossEntropy", learning_rate=0.5, weight_scale=1.5,
            notes="SELU; softmax + categorical cross-entropy on soft labels, fused (CrossEntropyLoss)."),
    Network("PtSoftplusSoftmaxSparse", 3, [Layer(4, "Softplus"), Layer(4, "Softmax")],
            loss="SparseCategoricalCrossEntropy", learning_rate=0.5, weight_scale=1.5,
            notes="Softplus; softmax + sparse categorical cross-entropy, fused (CrossEntropyLoss on indices)."),
    Network("PtPReluSoftmaxBce", 3, [Layer(4, "PReLU"), Layer(3, "Softmax")],
            loss="BinaryCrossEntropy", learning_rate=0.5, weight_scale=1.5,
            notes="PReLU (default slope 0.25, jittered per unit) with learned slopes; softmax + BCE, not fused (BCELoss)."),
    Network("PtSigmoidSigmoidCce", 3, [Layer(4, "Sigmoid"), Layer(3, "Sigmoid")],
            loss="CategoricalCrossEntropy", learning_rate=0.5, weight_scale=2.0,
            notes="Sigmoid hidden; sigmoid + categorical cross-entropy, not fused (formula in torch ops)."),
    Network("PtLinearSigmoidSparse", 3, [Layer(4, "Linear"), Layer(3, "Sigmoid")],
            loss="SparseCategoricalCrossEntropy", learning_rate=0.5, weight_scale=1.5,
            notes="Linear hidden; sigmoid + sparse categorical cross-entropy, not fused (formula in torch ops)."),
    Network("PtSoftplusHinge", 3, [Layer(4, "Softplus"), Layer(2, "Linear")],
            loss="Hinge", learning_rate=0.1, weight_scale=2.5, bias_scale=1.0,
            notes="Softplus hidden, linear output, hinge on -1/+1 targets (inside and outside the margin)."),
    Network("PtDeepMse", 4, [Layer(6, "LeakyReLU"), Layer(5, "ELU"), Layer(4, "PReLU", 0.1), Layer(2, "Linear")],
            loss="MeanSquaredError", learning_rate=0.05, weight_scale=1.5, batch=8,
            notes="Four layers: LeakyReLU and ELU at their default alphas, PReLU with slope 0.1; batch 8."),
    Network("PtWideSoftmaxCce", 12, [Layer(24, "PReLU", 0.3), Layer(16, "Tanh"), Layer(3, "Softmax")],
            loss="CategoricalCrossEntropy", learning_rate=0.2, one_hot=True, batch=6,
            notes="Layers of 288 and 384 weights, above EmitPolicy.UnrollLimit (256): the loop-and-kernel code path; one-hot targets."),
    Network("PtPReluOutputMae", 3, [Layer(5, "Tanh"), Layer(3, "PReLU", 0.2)],
            loss="MeanAbsoluteError", learning_rate=0.1, weight_scale=2.0,
            notes="PReLU on the output layer: its slopes' gradient comes straight from the loss; mean absolute error."),
    Network("PtWideSigmoidMse", 20, [Layer(16, "ELU"), Layer(18, "Sigmoid")],
            loss="MeanSquaredError", learning_rate=0.5, batch=4,
            notes="Layers of 320 and 288 weights (loop-and-kernel code path) with an unfused sigmoid output under MSE."),
    Network("PtSoftplusTailMse", 2, [Layer(3, "Softplus")],
            loss="MeanSquaredError", learning_rate=0.5, weight_scale=0.3, bias_center=-8.3, bias_scale=0.8,
            target_scale=1e-3,
            notes="Softplus outputs around 1e-4 to 1e-3 (z from -9.5 to -7): log(1 + e^z) for small e^z must keep float precision."),
    Network("PtEluNearZeroMse", 2, [Layer(3, "ELU")],
            loss="MeanSquaredError", learning_rate=0.05, weight_scale=2e-4, bias_center=-0.0018, bias_scale=0.0006,
            target_scale=2e-3, both_sides=False,
            notes="ELU outputs for z just below 0 (-0.0025 to -0.0011): e^z - 1 must keep float precision."),
    Network("PtSingleSampleBce", 2, [Layer(3, "Tanh"), Layer(1, "Sigmoid")],
            loss="BinaryCrossEntropy", learning_rate=0.5, batch=1, weight_scale=1.5,
            notes="Batch of one sample, a single output unit."),
    Network("PtStepHidden", 3, [Layer(6, "Step"), Layer(2, "Linear")],
            notes="Inference only: Step hidden layer feeding a linear output."),
    Network("PtStepOutput", 3, [Layer(4, "Tanh"), Layer(3, "Step")], weight_scale=1.5,
            notes="Inference only: Step output layer."),
]


class TorchNetwork:
    """The network in PyTorch, float64, with parameters in NeuralDsl's flat order."""

    def __init__(self, spec: Network, flat: np.ndarray):
        self.spec = spec
        self.linears: List[nn.Linear] = []
        self.prelus: List[Optional[nn.PReLU]] = []
        fan_in = spec.inputs
        offset = 0
        for layer in spec.layers:
            linear = nn.Linear(fan_in, layer.units).double()
            with torch.no_grad():
                count = layer.units * fan_in
                linear.weight.copy_(torch.from_numpy(flat[offset:offset + count].astype(np.float64)).view(layer.units, fan_in))
                offset += count
                linear.bias.copy_(torch.from_numpy(flat[offset:offset + layer.units].astype(np.float64)))
                offset += layer.units
            prelu = None
            if layer.activation == "PReLU":
                prelu = nn.PReLU(num_parameters=layer.units, init=layer.resolved_alpha).double()
                with torch.no_grad():
                    prelu.weight.copy_(torch.from_numpy(flat[offset:offset + layer.units].astype(np.float64)))
                offset += layer.units
            self.linears.append(linear)
            self.prelus.append(prelu)
            fan_in = layer.units
        assert offset == len(flat)

    def parameters(self) -> List[torch.Tensor]:
        """Parameter tensors in NeuralDsl's order: per layer weight, bias, then PReLU slopes."""
        result = []
        for linear, prelu in zip(self.linears, self.prelus):
            result += [linear.weight, linear.bias]
            if prelu is not None:
                result.append(prelu.weight)
        return result

    def flat(self, tensors: List[torch.Tensor]) -> List[float]:
        return torch.cat([t.detach().reshape(-1) for t in tensors]).tolist()

    def forward(self, x: torch.Tensor):
        """Pre-activation and activation of every layer."""
        trace = []
        a = x
        for layer, linear, prelu in zip(self.spec.layers, self.linears, self.prelus):
            z = linear(a)
            a = activate(layer, z, prelu)
            trace.append((z, a))
        return trace


def activate(layer: Layer, z: torch.Tensor, prelu: Optional[nn.PReLU]) -> torch.Tensor:
    name = layer.activation
    if name == "Linear":
        return z
    if name == "Sigmoid":
        return torch.sigmoid(z)
    if name == "Tanh":
        return torch.tanh(z)
    if name == "ReLU":
        return F.relu(z)
    if name == "LeakyReLU":
        return F.leaky_relu(z, negative_slope=layer.resolved_alpha)
    if name == "ELU":
        return F.elu(z, alpha=layer.resolved_alpha)
    if name == "SELU":
        return F.selu(z)
    if name == "Softplus":
        return F.softplus(z)
    if name == "Softmax":
        return torch.softmax(z, dim=1)
    if name == "PReLU":
        return prelu(z)
    if name == "Step":
        return (z >= 0).to(z.dtype)
    raise ValueError(f"unknown activation {name}")


def mean_loss(spec: Network, z: torch.Tensor, a: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The batch-mean loss from the output layer's logits z and activation a."""
    output = spec.layers[-1].activation
    batch = y.shape[0]
    if spec.loss == "MeanSquaredError":
        return nn.MSELoss()(a, y)
    if spec.loss == "MeanAbsoluteError":
        return nn.L1Loss()(a, y)
    if spec.loss == "Huber":
        return nn.HuberLoss(delta=f32(spec.huber_delta))(a, y)
    if spec.loss == "BinaryCrossEntropy":
        return nn.BCEWithLogitsLoss()(z, y) if output == "Sigmoid" else nn.BCELoss()(a, y)
    if spec.loss == "CategoricalCrossEntropy":
        if output == "Softmax":
            return nn.CrossEntropyLoss()(z, y)
        return -(y * torch.log(torch.clamp(a, min=PROBABILITY_EPSILON))).sum() / batch
    if spec.loss == "SparseCategoricalCrossEntropy":
        classes = y[:, 0].long()
        if output == "Softmax":
            return nn.CrossEntropyLoss()(z, classes)
        picked = a.gather(1, classes.view(-1, 1))
        return -torch.log(torch.clamp(picked, min=PROBABILITY_EPSILON)).sum() / batch
    if spec.loss == "Hinge":
        return torch.clamp(1 - y * a, min=0).mean()
    raise ValueError(f"unknown loss {spec.loss}")


def draw(spec: Network, rng: np.random.Generator):
    """Float32 parameters (flat, NeuralDsl order), inputs [batch, inputs] and targets [batch, target size]."""
    parts = []
    fan_in = spec.inputs
    for layer in spec.layers:
        limit = spec.weight_scale * math.sqrt(3.0 / fan_in)
        parts.append(rng.uniform(-limit, limit, layer.units * fan_in))
        parts.append(spec.bias_center + rng.uniform(-spec.bias_scale, spec.bias_scale, layer.units))
        if layer.activation == "PReLU":
            # Distinct slopes per unit, so that a slope read from the wrong unit shows.
            parts.append(layer.resolved_alpha + rng.uniform(-0.05, 0.05, layer.units))
        fan_in = layer.units
    flat = np.concatenate(parts).astype(np.float32)
    x = (spec.input_scale * rng.standard_normal((spec.batch, spec.inputs))).astype(np.float32)

    n, k = spec.batch, spec.outputs
    if spec.loss in ("MeanSquaredError", "MeanAbsoluteError", "Huber"):
        y = spec.target_scale * rng.standard_normal((n, k))
    elif spec.loss == "BinaryCrossEntropy":
        y = rng.uniform(0.0, 1.0, (n, k))
    elif spec.loss == "CategoricalCrossEntropy":
        if spec.one_hot:
            y = np.eye(k)[rng.integers(0, k, n)]
        else:
            weights = rng.uniform(0.05, 1.0, (n, k))
            y = weights / weights.sum(axis=1, keepdims=True)
    elif spec.loss == "SparseCategoricalCrossEntropy":
        y = rng.integers(0, k, (n, 1)).astype(np.float64)
    elif spec.loss == "Hinge":
        y = rng.choice([-1.0, 1.0], (n, k))
    else:
        y = np.zeros((n, 0))
    return flat, x, y.astype(np.float32)


def branch_distances(spec: Network, trace, y: torch.Tensor) -> List[float]:
    """How far every branching quantity is from its branch point (for ReLU-family units: |z|)."""
    distances = []
    for layer, (z, _) in zip(spec.layers, trace):
        if layer.activation in KINKED:
            distances.append(z.abs().min().item())
    a = trace[-1][1]
    if spec.loss == "MeanAbsoluteError":
        distances.append((a - y).abs().min().item())
    elif spec.loss == "Huber":
        distances.append(((a - y).abs() - f32(spec.huber_delta)).abs().min().item())
    elif spec.loss == "Hinge":
        distances.append((1 - y * a).abs().min().item())
    elif spec.loss in ("CategoricalCrossEntropy", "SparseCategoricalCrossEntropy") and spec.layers[-1].activation == "Sigmoid":
        distances.append(a.min().item() - PROBABILITY_EPSILON)
    return distances


def exercises_both_branches(spec: Network, trace, y: torch.Tensor) -> bool:
    """Kinked layers have units on both sides of 0; MAE, Huber and hinge see both of their regimes."""
    for layer, (z, _) in zip(spec.layers, trace):
        if spec.both_sides and layer.activation in KINKED and not ((z > 0).any() and (z < 0).any()):
            return False
    a = trace[-1][1]
    if spec.loss == "Huber":
        d = (a - y).abs()
        delta = f32(spec.huber_delta)
        return bool((d < delta).any() and (d > delta).any())
    if spec.loss == "Hinge":
        margin = 1 - y * a
        return bool((margin > 0).any() and (margin < 0).any())
    if spec.loss == "MeanAbsoluteError":
        d = a - y
        return bool((d > 0).any() and (d < 0).any())
    return True


def simulate(spec: Network, flat: np.ndarray, x_np: np.ndarray, y_np: np.ndarray):
    """Runs PyTorch: the record and the closest approach to a branch point, or None if the draw comes within MARGIN."""
    net = TorchNetwork(spec, flat)
    x = torch.from_numpy(x_np.astype(np.float64))
    y = torch.from_numpy(y_np.astype(np.float64))
    record = {}
    with torch.no_grad():
        trace = net.forward(x)
    closest = min(branch_distances(spec, trace, y), default=math.inf)
    if closest < MARGIN or not exercises_both_branches(spec, trace, y):
        return None
    record["outputs"] = trace[-1][1].reshape(-1).tolist()
    if spec.loss == "None":
        return record, closest

    optimizer = torch.optim.SGD(net.parameters(), lr=f32(spec.learning_rate))
    losses = []
    for step in range(STEPS):
        optimizer.zero_grad()
        trace = net.forward(x)
        closest = min([closest] + branch_distances(spec, trace, y))
        if closest < MARGIN:
            return None
        z, a = trace[-1]
        loss = mean_loss(spec, z, a, y)
        loss.backward()
        if step == 0:
            record["loss"] = loss.item()
            record["gradients"] = net.flat([p.grad for p in net.parameters()])
        losses.append(loss.item())
        optimizer.step()
    record["step_losses"] = losses
    record["parameters_after"] = net.flat(net.parameters())
    return record, closest


def build(spec: Network):
    """The reference document of the first draw that keeps clear of every branch point."""
    # Seeded from the name, so that adding or reordering networks leaves the others' vectors alone.
    for attempt in range(MAX_ATTEMPTS):
        seed = zlib.crc32(spec.name.encode("ascii")) * MAX_ATTEMPTS + attempt
        flat, x, y = draw(spec, np.random.default_rng(seed))
        simulated = simulate(spec, flat, x, y)
        if simulated is None:
            continue
        record, closest = simulated
        document = {
            "name": spec.name,
            "notes": spec.notes,
            "generator": "tests/reference/make_reference.py",
            "torch_version": torch.__version__.split("+")[0],
            "seed": seed,
            "input_size": spec.inputs,
            "layers": [{"units": l.units, "activation": l.activation, "alpha": l.resolved_alpha} for l in spec.layers],
            "loss_function": spec.loss,
            "learning_rate": f32(spec.learning_rate),
            "huber_delta": f32(spec.huber_delta),
            "batch": spec.batch,
            "steps": STEPS if spec.loss != "None" else 0,
            "parameters": [float(v) for v in flat],
            "inputs": [float(v) for v in x.reshape(-1)],
            "targets": [float(v) for v in y.reshape(-1)],
        }
        document.update(record)
        return document, closest
    raise RuntimeError(f"{spec.name}: no draw stays {MARGIN} away from every branch point in {MAX_ATTEMPTS} attempts")


def write(document: dict, path: str) -> None:
    """One key per line, arrays on one line: small diffs, readable headers."""
    lines = [f"  {json.dumps(key)}: {json.dumps(value, separators=(', ', ': '))}" for key, value in document.items()]
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write("{\n" + ",\n".join(lines) + "\n}\n")


def main() -> int:
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    for spec in NETWORKS:
        document, closest = build(spec)
        path = os.path.join(OUTPUT_DIR, spec.name + ".json")
        write(document, path)
        print(f"{spec.name}: seed {document['seed']}, {len(document['parameters'])} parameters, "
              f"closest to a branch point {closest:.3g} -> {os.path.relpath(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
