#!/usr/bin/env python3
"""Writes the PyTorch reference vectors that RecurrentPyTorchParityTests compares the recurrent kernels with.

Run from the repository root (Debian's torch is only visible to the system interpreter):

    OMP_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_recurrent_reference.py

It rewrites tests/NeuralDsl.Tests/Reference/recurrent.json: for each case, a PyTorch recurrent module
(nn.RNN, nn.LSTM, nn.GRU, a bidirectional nn.LSTM and nn.GRU; batch_first, one layer, PyTorch's
uniform initialisation), float32 inputs [batch, steps, features] and parameters, and what PyTorch
computes from them in float64 (float32-representable values, exact math): the whole output sequence
[batch, steps, directions * units] and the last output [batch, directions * units] (each direction's
final state, h_n, concatenated as Keras' Bidirectional does), and for two losses -- sum(w_seq * sequence)
and sum(w_last * last), w_* random and written out -- the loss and its gradient with respect to the
inputs and every parameter.

THIS SCRIPT converts the parameters and their gradients to Keras' layout, which the kernels use, so
the test needs no conversion: per direction, in Keras' get_weights() order,
  kernel [in, gates * units] = weight_ih transposed, recurrent kernel [units, gates * units] = weight_hh
  transposed, then the bias;
  LSTM: PyTorch's gate order i, f, g, o is Keras' i, f, c, o; one bias b_ih + b_hh (its gradient is
  b_ih's, which equals b_hh's);
  GRU: PyTorch's blocks r, z, n are reordered to Keras' z, r, h; PyTorch's GRU is Keras' reset_after=True
  (n = tanh(W_in x + b_in + r * (W_hn h + b_hn))), whose bias is [2, 3 units]: b_ih then b_hh;
  RNN: one bias b_ih + b_hh;
  bidirectional: the forward direction's parameters, then the reverse direction's (*_reverse).
"""
import json
import os
import zlib

import torch

torch.set_num_threads(1)
torch.manual_seed(20261206)

BATCH = 2


def keras_blocks(tensor, kind):
    """PyTorch's gate blocks along dim 0 ([gates * units, ...]) in Keras' gate order."""
    if kind != "gru":
        return tensor
    r, z, n = tensor.chunk(3, dim=0)
    return torch.cat([z, r, n], dim=0)


def keras_parameters(module, kind, suffix, grad):
    """One direction's parameters (or their gradients, if grad) in Keras' layout, flattened."""
    def get(name):
        p = getattr(module, name + suffix)
        return p.grad if grad else p.detach()

    kernel = keras_blocks(get("weight_ih_l0"), kind).t()
    recurrent = keras_blocks(get("weight_hh_l0"), kind).t()
    b_ih, b_hh = keras_blocks(get("bias_ih_l0"), kind), keras_blocks(get("bias_hh_l0"), kind)
    if kind == "gru":
        bias = torch.cat([b_ih, b_hh])
    elif grad:
        bias = b_ih  # d/d(b_ih + b_hh) is b_ih's gradient (equal to b_hh's)
    else:
        bias = b_ih + b_hh
    return torch.cat([kernel.reshape(-1), recurrent.reshape(-1), bias.reshape(-1)])


def all_parameters(module, kind, bidirectional, grad=False):
    parts = [keras_parameters(module, kind, "", grad)]
    if bidirectional:
        parts.append(keras_parameters(module, kind, "_reverse", grad))
    return torch.cat(parts)


def last_output(module, kind, output):
    """Each direction's final state, concatenated: h_n is [directions, batch, units]."""
    h_n = output[1][0] if kind == "lstm" else output[1]
    return torch.cat(list(h_n), dim=1)


def values(tensor):
    return [float(v) for v in tensor.detach().reshape(-1).tolist()]


def float32_values(tensor):
    """Float32 values in their shortest round-trip form, which a float parser reads back exactly."""
    return [float(repr(v)) for v in tensor.detach().reshape(-1).numpy()]


def case(name, kind, steps, inputs, units, bidirectional=False):
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind]
    module = cls(inputs, units, batch_first=True, bidirectional=bidirectional)
    x32 = torch.randn(BATCH, steps, inputs)
    directions = 2 if bidirectional else 1
    w_seq = torch.randn(BATCH, steps, directions * units)
    w_last = torch.randn(BATCH, directions * units)
    parameters = all_parameters(module, kind, bidirectional)
    module = module.double()
    x = x32.double().requires_grad_(True)

    result = {
        "name": name, "kind": kind, "steps": steps, "inputs": inputs, "units": units, "bidirectional": bidirectional,
        "x": float32_values(x32), "parameters": float32_values(parameters),
        "w_sequence": float32_values(w_seq), "w_last": float32_values(w_last),
    }
    for mode, weights in (("sequence", w_seq), ("last", w_last)):
        module.zero_grad()
        x.grad = None
        output = module(x)
        y = output[0] if mode == "sequence" else last_output(module, kind, output)
        loss = (y * weights.double()).sum()
        loss.backward()
        result["output_" + mode] = values(y)
        result["loss_" + mode] = float(loss)
        result["dx_" + mode] = values(x.grad)
        result["gradients_" + mode] = values(all_parameters(module, kind, bidirectional, grad=True))
    return result


cases = [
    case("rnn", "rnn", 6, 3, 5),
    case("lstm", "lstm", 6, 3, 5),
    case("lstm_wide", "lstm", 4, 2, 17),
    case("gru", "gru", 6, 3, 5),
    case("gru_wide", "gru", 4, 2, 11),
    case("bidirectional_lstm", "lstm", 5, 3, 4, bidirectional=True),
    case("bidirectional_gru", "gru", 5, 3, 4, bidirectional=True),
]



def network_case(name, kind, steps, inputs, units, outputs, bidirectional, loss, optimizer, lr, batch=4, train_steps=3):
    """A whole network, recurrent layer then nn.Linear, trained train_steps steps: the first step's outputs,
    loss and gradient, every step's loss, and the parameters after the last step, all in Keras' layout.
    A single-bias layer (RNN, LSTM) keeps b_hh at zero and frozen, so that b_ih is Keras' one bias and the
    optimiser moves it once per step, as it moves ours."""
    torch.manual_seed(zlib.crc32(name.encode()))
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind]
    rec = cls(inputs, units, batch_first=True, bidirectional=bidirectional)
    directions = 2 if bidirectional else 1
    lin = torch.nn.Linear(directions * units, outputs)
    if kind != "gru":
        for suffix in ([""] + (["_reverse"] if bidirectional else [])):
            getattr(rec, "bias_hh_l0" + suffix).data.zero_()
            getattr(rec, "bias_hh_l0" + suffix).requires_grad_(False)
    x32 = torch.randn(batch, steps, inputs)
    targets = torch.randint(outputs, (batch,)) if loss == "SparseCategoricalCrossEntropy" else torch.randn(batch, outputs)

    def parameters(grad=False):
        dense_w = lin.weight.grad if grad else lin.weight.detach()
        dense_b = lin.bias.grad if grad else lin.bias.detach()
        return torch.cat([all_parameters(rec, kind, bidirectional, grad), dense_w.t().reshape(-1), dense_b.reshape(-1)])

    # Float32-representable starting values, then exact (float64) arithmetic.
    rec.load_state_dict({k: v.float() for k, v in rec.state_dict().items()})
    initial = parameters()
    rec, lin = rec.double(), lin.double()
    x = x32.double()
    trainable = [p for p in list(rec.parameters()) + list(lin.parameters()) if p.requires_grad]
    opt = (torch.optim.Adam(trainable, lr=lr, betas=(0.9, 0.999), eps=1e-7) if optimizer == "Adam"
           else torch.optim.SGD(trainable, lr=lr, momentum=0.9))
    result = {"name": name, "kind": kind, "steps": steps, "inputs": inputs, "units": units, "outputs": outputs,
              "bidirectional": bidirectional, "loss": loss, "optimizer": optimizer, "learning_rate": lr, "batch": batch,
              "x": float32_values(x32), "targets": [float(v) for v in targets.reshape(-1).tolist()],
              "parameters": float32_values(initial), "losses": []}
    for step in range(train_steps):
        opt.zero_grad()
        out = rec(x)
        logits = lin(last_output(rec, kind, out))
        if loss == "SparseCategoricalCrossEntropy":
            value = torch.nn.functional.cross_entropy(logits, targets)
            shown = torch.softmax(logits, dim=1)
        else:
            value = torch.nn.functional.mse_loss(logits, targets.double())
            shown = logits
        value.backward()
        if step == 0:
            result["outputs_first"] = values(shown)
            result["gradients_first"] = values(parameters(grad=True))
        result["losses"].append(float(value))
        opt.step()
    result["parameters_after"] = values(parameters())
    return result


networks = [
    network_case("net_lstm_adam", "lstm", 6, 3, 5, 2, False, "MeanSquaredError", "Adam", 0.01),
    network_case("net_bigru_sgd", "gru", 5, 3, 4, 3, True, "SparseCategoricalCrossEntropy", "Sgd", 0.1),
    network_case("net_rnn_adam", "rnn", 7, 2, 6, 1, False, "MeanSquaredError", "Adam", 0.005),
]

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "NeuralDsl.Tests", "Reference", "recurrent.json")
with open(path, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases, "networks": networks}, f, separators=(",", ":"))
    f.write("\n")
print("wrote", os.path.normpath(path))
