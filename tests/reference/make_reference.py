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
float64: batch outputs, mean loss, its gradient, and the parameters after five optimiser steps on the
same batch (with the loss before each step). Starting from float32-representable values and computing
in float64 makes the vectors the exact math, to which the float32 generated code is compared.

The math is PyTorch's own modules and functions (nn.Linear, nn.BatchNorm1d, nn.PReLU,
torch.nn.functional, the loss modules, autograd, torch.optim). Where PyTorch has no module (hinge,
cross-entropy on sigmoid outputs, the declared L1/L2 penalties) the formula is written in torch ops and
differentiated by autograd.

Keys that a network does not need are left out, so that plain networks keep their original files:
- "optimizer" (the declared optimiser and its resolved hyperparameters) and
  "parameters_after_each_step" only for networks not trained by plain SGD;
- per layer "kind" unless Dense, "use_bias" when false, the penalties when not 0, and batch
  normalisation's "momentum" (Keras': the weight of the old running value) and "epsilon";
- for networks with batch normalisation, "state" (running means then running variances per layer,
  in layer order, as the network's State holds them; drawn at random, not at their reset values, so
  that inference depends on them), "inference_loss" (the loss in eval mode, which ComputeLoss
  computes, while "loss" and "step_losses" are in train mode, with batch statistics),
  "training_outputs" (the train-mode outputs of the first step, which TrainingOutputs holds), and
  after the five steps "state_after", "outputs_after" and "inference_loss_after". PyTorch's momentum is
  1 - Keras' momentum; both update running_var with the unbiased batch variance.

Random draws come from numpy's PCG64, seeded from the network's name. Draws whose trajectory passes
within MARGIN of a kink (ReLU-family pre-activations at 0, the MAE/Huber/hinge breakpoints) are
rejected and redrawn, so float32 rounding in the code under test can never pick another branch (for
L1 penalties the kink is a weight at 0). Adam and AdamW divide each gradient entry by its own running
magnitude, so an entry that float32 rounding leaves with a large relative error (one near 0) would
move its parameter by a wrong step of the size of the learning rate: their draws are also rejected
when any gradient entry falls below ADAPTIVE_GRADIENT_FLOOR of the largest.
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
# Smallest gradient entry, relative to the largest, that Adam and AdamW draws may have at any step.
ADAPTIVE_GRADIENT_FLOOR = 1e-2

# NeuralDsl's defaults for the activation parameter (DenseAttribute.Alpha).
DEFAULT_ALPHA = {"LeakyReLU": 0.01, "ELU": 1.0, "PReLU": 0.25}
# Activations with a kink (or a jump) at z = 0.
KINKED = {"ReLU", "LeakyReLU", "ELU", "SELU", "PReLU", "Step"}
PROBABILITY_EPSILON = 1e-7  # Losses.ProbabilityEpsilon
# PyTorch's defaults where NeuralDsl's attribute leaves the value NaN (NetworkAttribute.Epsilon, WeightDecay).
DEFAULT_EPSILON = 1e-8
DEFAULT_WEIGHT_DECAY = {"AdamW": 0.01}
PENALTIES = ("kernel_l1", "kernel_l2", "bias_l1", "bias_l2")


def f32(value: float) -> float:
    """The float32 value the C# declaration holds for a literal such as 0.2f, as a Python float."""
    return float(np.float32(value))


@dataclass
class Layer:
    """A layer as its attribute declares it: Dense unless kind says otherwise."""
    units: int
    activation: str = "Linear"
    alpha: Optional[float] = None
    kind: str = "Dense"
    use_bias: bool = True
    kernel_l1: float = 0.0
    kernel_l2: float = 0.0
    bias_l1: float = 0.0
    bias_l2: float = 0.0
    # BatchNormalization only, Keras' convention (BatchNormalizationAttribute).
    momentum: float = 0.99
    epsilon: float = 1e-3

    @property
    def resolved_alpha(self) -> float:
        if self.alpha is not None:
            return f32(self.alpha)
        return f32(DEFAULT_ALPHA.get(self.activation, 0.0))

    @property
    def has_penalties(self) -> bool:
        return any(getattr(self, name) != 0 for name in PENALTIES)

    def record(self) -> dict:
        """The layer in the JSON file; entries at their defaults are left out (see the module docstring)."""
        result = {"units": self.units, "activation": self.activation, "alpha": self.resolved_alpha}
        if self.kind != "Dense":
            result["kind"] = self.kind
        if not self.use_bias:
            result["use_bias"] = False
        for name in PENALTIES:
            if getattr(self, name) != 0:
                result[name] = f32(getattr(self, name))
        if self.kind == "BatchNormalization":
            result["momentum"] = f32(self.momentum)
            result["epsilon"] = f32(self.epsilon)
        return result


def batch_normalization(units: int, momentum: float = 0.99, epsilon: float = 1e-3) -> Layer:
    """[BatchNormalization] over the previous layer's units."""
    return Layer(units, kind="BatchNormalization", momentum=momentum, epsilon=epsilon)


def activation_layer(units: int, activation: str, alpha: Optional[float] = None) -> Layer:
    """[Activation(...)] over the previous layer's units."""
    return Layer(units, activation, alpha, kind="Activation")


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
    # The declared optimiser (NetworkAttribute); None means PyTorch's default for epsilon and weight decay.
    optimizer: str = "Sgd"
    momentum: float = 0.0
    nesterov: bool = False
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: Optional[float] = None
    weight_decay: Optional[float] = None

    @property
    def outputs(self) -> int:
        return self.layers[-1].units

    @property
    def has_state(self) -> bool:
        return any(layer.kind == "BatchNormalization" for layer in self.layers)

    @property
    def has_penalties(self) -> bool:
        return any(layer.has_penalties for layer in self.layers)

    @property
    def resolved_epsilon(self) -> float:
        return f32(DEFAULT_EPSILON if self.epsilon is None else self.epsilon)

    @property
    def resolved_weight_decay(self) -> float:
        return f32(DEFAULT_WEIGHT_DECAY.get(self.optimizer, 0.0) if self.weight_decay is None else self.weight_decay)

    @property
    def plain_sgd(self) -> bool:
        return self.optimizer == "Sgd" and self.momentum == 0 and self.resolved_weight_decay == 0

    def optimizer_record(self) -> dict:
        return {"kind": self.optimizer, "momentum": f32(self.momentum), "nesterov": self.nesterov,
                "beta1": f32(self.beta1), "beta2": f32(self.beta2),
                "epsilon": self.resolved_epsilon, "weight_decay": self.resolved_weight_decay}

    def make_optimizer(self, parameters: List[torch.Tensor]) -> torch.optim.Optimizer:
        lr = f32(self.learning_rate)
        if self.optimizer == "Sgd":
            return torch.optim.SGD(parameters, lr=lr, momentum=f32(self.momentum), nesterov=self.nesterov,
                                   weight_decay=self.resolved_weight_decay)
        adam = torch.optim.Adam if self.optimizer == "Adam" else torch.optim.AdamW
        return adam(parameters, lr=lr, betas=(f32(self.beta1), f32(self.beta2)), eps=self.resolved_epsilon,
                    weight_decay=self.resolved_weight_decay)

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
    Network("PtBatchNormReluMse", 12,
            [Layer(24, use_bias=False), batch_normalization(24), activation_layer(24, "ReLU"), Layer(3)],
            loss="MeanSquaredError", learning_rate=0.1, batch=8,
            notes="Keras pattern Dense(UseBias = false) -> BatchNormalization (momentum 0.99, epsilon 1e-3) -> "
                  "Activation(ReLU) -> Dense, against BatchNorm1d(momentum 0.01); 288 weights without biases (loop path)."),
    Network("PtBatchNormTwiceSparse", 4,
            [Layer(6, use_bias=False), batch_normalization(6, momentum=0.9, epsilon=0.01), activation_layer(6, "Tanh"),
             Layer(5, use_bias=False), batch_normalization(5, momentum=0.8, epsilon=1e-4), activation_layer(5, "ReLU"),
             Layer(3, "Softmax")],
            loss="SparseCategoricalCrossEntropy", learning_rate=0.2, batch=6,
            notes="Two batch normalisations with non-default momentum and epsilon (0.9 and 0.01, 0.8 and 1e-4): "
                  "the state holds both layers' running statistics in order; softmax + sparse CCE, fused."),
    Network("PtAdamTanhMse", 3, [Layer(5, "Tanh"), Layer(2, "Linear")],
            loss="MeanSquaredError", optimizer="Adam", learning_rate=0.01, beta1=0.8, beta2=0.99, epsilon=1e-6,
            weight_decay=0.01, weight_scale=1.5,
            notes="Optimizer = Adam with beta1 0.8, beta2 0.99, epsilon 1e-6 and coupled weight decay 0.01 (torch.optim.Adam)."),
    Network("PtNesterovSoftmaxCce", 4, [Layer(5, "ELU"), Layer(3, "Softmax")],
            loss="CategoricalCrossEntropy", optimizer="Sgd", momentum=0.9, nesterov=True, learning_rate=0.1, weight_scale=1.5,
            notes="Optimizer = Sgd with Momentum 0.9 and Nesterov (torch.optim.SGD(nesterov=True))."),
    Network("PtAdamWSigmoidBce", 3, [Layer(4, "LeakyReLU"), Layer(2, "Sigmoid")],
            loss="BinaryCrossEntropy", optimizer="AdamW", learning_rate=0.01, weight_decay=0.05, weight_scale=1.5,
            notes="Optimizer = AdamW with decoupled weight decay 0.05 and PyTorch's default betas and epsilon (torch.optim.AdamW)."),
    Network("PtPenaltiesMse", 3,
            [Layer(5, "Tanh", kernel_l1=0.01, kernel_l2=0.02), Layer(2, "Linear", bias_l1=0.03, bias_l2=0.05)],
            loss="MeanSquaredError", learning_rate=0.1, weight_scale=1.5,
            notes="Declared penalties, Keras' convention: the loss gains l1 * sum|w| + l2 * sum w^2 "
                  "(KernelL1 0.01 and KernelL2 0.02 on layer 0, BiasL1 0.03 and BiasL2 0.05 on layer 1)."),
    Network("PtNoBiasSoftmaxLayer", 4,
            [Layer(5, use_bias=False), activation_layer(5, "PReLU", 0.2), Layer(3), activation_layer(3, "Softmax")],
            loss="CategoricalCrossEntropy", learning_rate=0.2, weight_scale=1.5,
            notes="Dense(UseBias = false) -> Activation(PReLU) with learned slopes -> linear Dense -> Activation(Softmax): "
                  "the softmax layer's input is the logits, fused with categorical cross-entropy (CrossEntropyLoss)."),
]


class TorchNetwork:
    """The network in PyTorch, float64, with parameters and state in NeuralDsl's flat order."""

    def __init__(self, spec: Network, flat: np.ndarray, state: np.ndarray):
        self.spec = spec
        # Per layer: the transform producing the pre-activation (None for the identity) and the PReLU, if any.
        self.transforms: List[Optional[nn.Module]] = []
        self.prelus: List[Optional[nn.PReLU]] = []
        self.norms: List[nn.BatchNorm1d] = []
        fan_in = spec.inputs
        offset = 0
        state_offset = 0

        def take(target: torch.Tensor, source: np.ndarray, start: int) -> int:
            with torch.no_grad():
                count = target.numel()
                target.copy_(torch.from_numpy(source[start:start + count].astype(np.float64)).view_as(target))
            return start + count

        for layer in spec.layers:
            transform = None
            if layer.kind == "Dense":
                transform = nn.Linear(fan_in, layer.units, bias=layer.use_bias).double()
                offset = take(transform.weight, flat, offset)
                if layer.use_bias:
                    offset = take(transform.bias, flat, offset)
            elif layer.kind == "BatchNormalization":
                assert layer.units == fan_in
                # PyTorch weighs the new batch statistic by its momentum, Keras the old running value.
                transform = nn.BatchNorm1d(layer.units, eps=f32(layer.epsilon), momentum=1.0 - f32(layer.momentum)).double()
                offset = take(transform.weight, flat, offset)
                offset = take(transform.bias, flat, offset)
                state_offset = take(transform.running_mean, state, state_offset)
                state_offset = take(transform.running_var, state, state_offset)
                self.norms.append(transform)
            else:
                assert layer.kind == "Activation" and layer.units == fan_in
            prelu = None
            if layer.activation == "PReLU":
                prelu = nn.PReLU(num_parameters=layer.units, init=layer.resolved_alpha).double()
                offset = take(prelu.weight, flat, offset)
            self.transforms.append(transform)
            self.prelus.append(prelu)
            fan_in = layer.units
        assert offset == len(flat) and state_offset == len(state)

    def parameters(self) -> List[torch.Tensor]:
        """Parameter tensors in NeuralDsl's order: per layer weight (gamma), bias (beta), then PReLU slopes."""
        result = []
        for transform, prelu in zip(self.transforms, self.prelus):
            if transform is not None:
                result.append(transform.weight)
                if transform.bias is not None:
                    result.append(transform.bias)
            if prelu is not None:
                result.append(prelu.weight)
        return result

    def state(self) -> List[float]:
        """Running means, then running variances, per batch normalisation layer in order."""
        return self.flat([t for norm in self.norms for t in (norm.running_mean, norm.running_var)])

    def set_training(self, training: bool) -> None:
        """Batch statistics (updating the running ones) in training, running statistics otherwise."""
        for norm in self.norms:
            norm.train(training)

    def penalty(self) -> torch.Tensor:
        """The declared L1/L2 penalties, as Keras defines them (l2 * sum w^2, no one half)."""
        total = torch.zeros((), dtype=torch.float64)
        for layer, transform in zip(self.spec.layers, self.transforms):
            if not layer.has_penalties:
                continue
            for tensor, l1, l2 in ((transform.weight, layer.kernel_l1, layer.kernel_l2),
                                   (transform.bias, layer.bias_l1, layer.bias_l2)):
                if tensor is not None:
                    total = total + f32(l1) * tensor.abs().sum() + f32(l2) * (tensor * tensor).sum()
        return total

    def flat(self, tensors: List[torch.Tensor]) -> List[float]:
        return torch.cat([t.detach().reshape(-1) for t in tensors]).tolist()

    def forward(self, x: torch.Tensor):
        """Pre-activation and activation of every layer (an Activation layer's pre-activation is its input)."""
        trace = []
        a = x
        for layer, transform, prelu in zip(self.spec.layers, self.transforms, self.prelus):
            z = a if transform is None else transform(a)
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
    """Float32 parameters (flat, NeuralDsl order), inputs [batch, inputs], targets [batch, target size]
    and state (running means then variances per batch normalisation layer; empty without one)."""
    parts = []
    fan_in = spec.inputs
    for layer in spec.layers:
        if layer.kind == "Dense":
            limit = spec.weight_scale * math.sqrt(3.0 / fan_in)
            parts.append(rng.uniform(-limit, limit, layer.units * fan_in))
            if layer.use_bias:
                parts.append(spec.bias_center + rng.uniform(-spec.bias_scale, spec.bias_scale, layer.units))
        elif layer.kind == "BatchNormalization":
            # Gamma and beta away from their reset values 1 and 0, distinct per unit.
            parts.append(rng.uniform(0.6, 1.4, layer.units))
            parts.append(rng.uniform(-0.4, 0.4, layer.units))
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

    state = []
    for layer in spec.layers:
        if layer.kind == "BatchNormalization":
            # Running statistics of the size a Dense layer of these inputs produces, as after some training.
            state.append(rng.normal(0.0, 0.3 * spec.weight_scale, layer.units))
            state.append(rng.uniform(0.5, 1.5, layer.units) * spec.weight_scale ** 2)
    state = np.concatenate(state).astype(np.float32) if state else np.zeros(0, np.float32)
    return flat, x, y.astype(np.float32), state


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


def penalty_distances(spec: Network, net: TorchNetwork) -> List[float]:
    """How far every L1-penalised parameter is from 0, where |w| has its kink."""
    distances = []
    for layer, transform in zip(spec.layers, net.transforms):
        if layer.kernel_l1 != 0:
            distances.append(transform.weight.detach().abs().min().item())
        if layer.bias_l1 != 0 and transform.bias is not None:
            distances.append(transform.bias.detach().abs().min().item())
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


def simulate(spec: Network, flat: np.ndarray, x_np: np.ndarray, y_np: np.ndarray, state: np.ndarray):
    """Runs PyTorch: the record and the closest approach to a branch point, or None if the draw comes within MARGIN."""
    net = TorchNetwork(spec, flat, state)
    x = torch.from_numpy(x_np.astype(np.float64))
    y = torch.from_numpy(y_np.astype(np.float64))
    record = {}
    net.set_training(False)
    with torch.no_grad():
        trace = net.forward(x)
    closest = min(branch_distances(spec, trace, y) + penalty_distances(spec, net), default=math.inf)
    if closest < MARGIN or not exercises_both_branches(spec, trace, y):
        return None
    record["outputs"] = trace[-1][1].reshape(-1).tolist()
    if spec.loss == "None":
        return record, closest
    if spec.has_state:
        with torch.no_grad():
            record["inference_loss"] = (mean_loss(spec, *trace[-1], y) + net.penalty()).item()

    optimizer = spec.make_optimizer(net.parameters())
    net.set_training(True)
    losses = []
    trajectory = []
    for step in range(STEPS):
        optimizer.zero_grad()
        trace = net.forward(x)
        closest = min([closest] + branch_distances(spec, trace, y) + penalty_distances(spec, net))
        if closest < MARGIN:
            return None
        z, a = trace[-1]
        loss = mean_loss(spec, z, a, y)
        if spec.has_penalties:
            loss = loss + net.penalty()
        loss.backward()
        if spec.optimizer in ("Adam", "AdamW"):
            gradient = torch.cat([p.grad.reshape(-1) for p in net.parameters()]).abs()
            if gradient.min().item() < ADAPTIVE_GRADIENT_FLOOR * gradient.max().item():
                return None
        if step == 0:
            record["loss"] = loss.item()
            record["gradients"] = net.flat([p.grad for p in net.parameters()])
            if spec.has_state:
                record["training_outputs"] = a.detach().reshape(-1).tolist()
        losses.append(loss.item())
        optimizer.step()
        trajectory.append(net.flat(net.parameters()))
    record["step_losses"] = losses
    record["parameters_after"] = net.flat(net.parameters())
    if not spec.plain_sgd:
        record["parameters_after_each_step"] = trajectory
    if spec.has_state:
        record["state_after"] = net.state()
        net.set_training(False)
        with torch.no_grad():
            trace = net.forward(x)
            closest = min([closest] + branch_distances(spec, trace, y))
            if closest < MARGIN:
                return None
            record["outputs_after"] = trace[-1][1].reshape(-1).tolist()
            record["inference_loss_after"] = (mean_loss(spec, *trace[-1], y) + net.penalty()).item()
    return record, closest


def build(spec: Network):
    """The reference document of the first draw that keeps clear of every branch point."""
    # Seeded from the name, so that adding or reordering networks leaves the others' vectors alone.
    for attempt in range(MAX_ATTEMPTS):
        seed = zlib.crc32(spec.name.encode("ascii")) * MAX_ATTEMPTS + attempt
        flat, x, y, state = draw(spec, np.random.default_rng(seed))
        simulated = simulate(spec, flat, x, y, state)
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
            "layers": [layer.record() for layer in spec.layers],
            "loss_function": spec.loss,
            "learning_rate": f32(spec.learning_rate),
        }
        if not spec.plain_sgd:
            document["optimizer"] = spec.optimizer_record()
        document.update({
            "huber_delta": f32(spec.huber_delta),
            "batch": spec.batch,
            "steps": STEPS if spec.loss != "None" else 0,
            "parameters": [float(v) for v in flat],
            "inputs": [float(v) for v in x.reshape(-1)],
            "targets": [float(v) for v in y.reshape(-1)],
        })
        if spec.has_state:
            document["state"] = [float(v) for v in state]
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
