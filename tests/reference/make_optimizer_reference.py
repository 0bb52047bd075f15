#!/usr/bin/env python3
"""Writes the PyTorch reference vectors that the optimiser and learning-rate schedule tests compare with.

Run from the repository root (Debian's torch is only visible to the system interpreter):

    sudo apt-get install python3-torch libopenblas0-pthread
    OMP_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_optimizer_reference.py

It rewrites two files in tests/NeuralDsl.Tests/Reference/, read by the tests in
tests/NeuralDsl.Tests/Optimizers/:

- optimizers.json: one float32 parameter vector and ten float32 gradient vectors, shared by every
  case, and for each case (an optimiser of torch.optim and its hyperparameters, named as the C#
  constructor names them) the parameters after each of the ten steps. Gradients are fixed data, not
  computed from the parameters, so the C# test feeds exactly the same ones. It also records the
  defaults of each torch.optim constructor, which the C# defaults must equal.
- schedules.json: for each case (a scheduler of torch.optim.lr_scheduler and its hyperparameters)
  the learning rate of epochs 0 to EPOCHS - 1, where epoch e is PyTorch's last_epoch after e calls of
  scheduler.step(); for ReduceLROnPlateau, the monitored values passed to those calls. It also
  records the scheduler defaults.

PyTorch runs the updates in float32, as the C# code does, so the references are what float32 gives.
Every hyperparameter is first rounded to float32 (f32 below), the value a C# float argument holds:
PyTorch computes its scalar factors (bias corrections, 1 - beta, the decayed learning rate) in
double from those values, and so does the C# code.
"""

import inspect
import json
import os
import sys
import warnings

import numpy as np
import torch

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

OUTPUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "NeuralDsl.Tests", "Reference")
GENERATOR = "tests/reference/make_optimizer_reference.py"
SEED = 20_130_613
# 20 values: PyTorch's CPU kernels run 16 at a time vectorised and the rest scalar, so both paths count.
SIZE = 20
STEPS = 10
EPOCHS = 30
BASE_LEARNING_RATE = 0.1


def f32(value: float) -> float:
    """The float32 value a C# float holds for a literal such as 0.1f, as a Python float."""
    return float(np.float32(value))


def floats(array) -> list:
    return [float(v) for v in np.asarray(array, dtype=np.float32).ravel()]


# --- optimisers ------------------------------------------------------------------------------------

# C# hyperparameter name -> torch.optim keyword, per optimiser.
TORCH_NAMES = {
    "Sgd": {"learning_rate": "lr", "momentum": "momentum", "dampening": "dampening",
            "nesterov": "nesterov", "weight_decay": "weight_decay"},
    "Adagrad": {"learning_rate": "lr", "learning_rate_decay": "lr_decay", "weight_decay": "weight_decay",
                "initial_accumulator_value": "initial_accumulator_value", "epsilon": "eps"},
    "RMSprop": {"learning_rate": "lr", "alpha": "alpha", "epsilon": "eps", "weight_decay": "weight_decay",
                "momentum": "momentum", "centered": "centered"},
    "Adam": {"learning_rate": "lr", "beta1": "betas[0]", "beta2": "betas[1]", "epsilon": "eps",
             "weight_decay": "weight_decay", "amsgrad": "amsgrad"},
    "AdamW": {"learning_rate": "lr", "beta1": "betas[0]", "beta2": "betas[1]", "epsilon": "eps",
              "weight_decay": "weight_decay", "amsgrad": "amsgrad"},
}
TORCH_CLASSES = {
    "Sgd": torch.optim.SGD, "Adagrad": torch.optim.Adagrad, "RMSprop": torch.optim.RMSprop,
    "Adam": torch.optim.Adam, "AdamW": torch.optim.AdamW,
}

# Learning rates are larger than the defaults so that ten steps move the parameters by about their own
# size: the comparison is on parameters, and a small update would hide an error in it.
OPTIMIZER_CASES = [
    ("sgd", "Sgd", {"learning_rate": 0.1}),
    ("sgd_momentum", "Sgd", {"learning_rate": 0.05, "momentum": 0.9}),
    ("sgd_nesterov", "Sgd", {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True}),
    ("sgd_dampening", "Sgd", {"learning_rate": 0.05, "momentum": 0.8, "dampening": 0.3}),
    ("sgd_weight_decay", "Sgd", {"learning_rate": 0.1, "weight_decay": 0.05}),
    ("sgd_nesterov_weight_decay", "Sgd", {"learning_rate": 0.05, "momentum": 0.7, "nesterov": True, "weight_decay": 0.02}),
    ("adagrad", "Adagrad", {"learning_rate": 0.1}),
    ("adagrad_learning_rate_decay", "Adagrad", {"learning_rate": 0.2, "learning_rate_decay": 0.05}),
    ("adagrad_weight_decay", "Adagrad", {"learning_rate": 0.1, "weight_decay": 0.1}),
    ("adagrad_accumulator_epsilon", "Adagrad", {"learning_rate": 0.1, "learning_rate_decay": 0.01,
                                                "weight_decay": 0.02, "initial_accumulator_value": 0.5,
                                                "epsilon": 1e-6}),
    ("rmsprop", "RMSprop", {"learning_rate": 0.01}),
    ("rmsprop_momentum", "RMSprop", {"learning_rate": 0.01, "momentum": 0.9}),
    ("rmsprop_centered", "RMSprop", {"learning_rate": 0.01, "centered": True}),
    ("rmsprop_centered_momentum", "RMSprop", {"learning_rate": 0.005, "alpha": 0.9, "momentum": 0.5, "centered": True,
                                              "epsilon": 1e-6}),
    ("rmsprop_weight_decay", "RMSprop", {"learning_rate": 0.01, "weight_decay": 0.1}),
    ("adam", "Adam", {"learning_rate": 0.1}),
    ("adam_defaults", "Adam", {}),
    ("adam_weight_decay", "Adam", {"learning_rate": 0.1, "weight_decay": 0.1}),
    ("adam_amsgrad", "Adam", {"learning_rate": 0.1, "amsgrad": True}),
    ("adam_betas_epsilon", "Adam", {"learning_rate": 0.05, "beta1": 0.8, "beta2": 0.95, "epsilon": 1e-6,
                                    "weight_decay": 0.01, "amsgrad": True}),
    ("adamw", "AdamW", {"learning_rate": 0.1}),
    ("adamw_defaults", "AdamW", {}),
    ("adamw_weight_decay", "AdamW", {"learning_rate": 0.1, "weight_decay": 0.3}),
    ("adamw_amsgrad", "AdamW", {"learning_rate": 0.05, "beta1": 0.85, "beta2": 0.9, "weight_decay": 0.1,
                                  "amsgrad": True}),
]


def torch_defaults(kind: str) -> dict:
    """The constructor defaults of a torch.optim class, under the C# names (SGD's lr has none)."""
    signature = inspect.signature(TORCH_CLASSES[kind].__init__).parameters
    result = {}
    for name, torch_name in TORCH_NAMES[kind].items():
        if torch_name.startswith("betas["):
            value = signature["betas"].default[int(torch_name[6])]
        else:
            value = signature[torch_name].default
        if isinstance(value, bool):
            result[name] = value
        elif isinstance(value, (int, float)):
            result[name] = float(value)
    return result


def resolved(kind: str, hyperparameters: dict) -> dict:
    """Every hyperparameter of the case, defaults filled in, numbers rounded to float32."""
    values = dict(torch_defaults(kind))
    values.update(hyperparameters)
    return {name: value if isinstance(value, bool) else f32(value) for name, value in values.items()}


def torch_arguments(kind: str, values: dict) -> dict:
    arguments, betas = {}, [None, None]
    for name, value in values.items():
        torch_name = TORCH_NAMES[kind][name]
        if torch_name.startswith("betas["):
            betas[int(torch_name[6])] = value
        else:
            arguments[torch_name] = value
    if kind in ("Adam", "AdamW"):
        arguments["betas"] = tuple(betas)
    # The single-tensor code path, whose per-element formulas the C# code follows (1.13's default).
    arguments["foreach"] = False
    return arguments


def shared_data():
    """The starting parameters and the ten gradients every optimiser case is fed."""
    rng = np.random.default_rng(SEED)
    initial = rng.uniform(-1.5, 1.5, SIZE)
    initial[5] = 0.0
    initial[11] = 4.0

    scales = 10.0 ** rng.uniform(-3, 0.5, SIZE)
    gradients = rng.standard_normal((STEPS, SIZE)) * scales
    gradients[:, 0] = 0.0                                        # never a gradient: only decay moves it
    gradients[:, 1] = rng.uniform(1, 3, STEPS) * 1e-7            # tiny: epsilon dominates
    gradients[:, 2] = np.abs(gradients[:, 2]) + 0.5              # a steady push in one direction
    gradients[:, 3] = np.where(np.arange(STEPS) % 2 == 0, 1.0, -1.0) * rng.uniform(0.5, 2, STEPS)  # alternating
    gradients[[2, 3, 7], 4] = 0.0                                # intermittent
    gradients[:, 6] *= 30.0                                      # large
    gradients[:, 7] = rng.uniform(-1, 1, STEPS) * 1e-2           # a burst, then small: v decreases
    gradients[0, 7] = 3.0
    return initial.astype(np.float32), gradients.astype(np.float32)


def run_optimizer(kind: str, values: dict, initial: np.ndarray, gradients: np.ndarray) -> list:
    parameter = torch.nn.Parameter(torch.from_numpy(initial.copy()))
    optimizer = TORCH_CLASSES[kind]([parameter], **torch_arguments(kind, values))
    trajectory = []
    for gradient in gradients:
        parameter.grad = torch.from_numpy(gradient.copy())
        optimizer.step()
        trajectory.append(floats(parameter.detach().numpy()))
    # The optimiser must not have written into the gradient it was given (the C# contract too).
    assert np.array_equal(parameter.grad.numpy(), gradients[-1])
    return trajectory


def optimizers_document() -> dict:
    initial, gradients = shared_data()
    cases = []
    for name, kind, hyperparameters in OPTIMIZER_CASES:
        values = resolved(kind, hyperparameters)
        cases.append({
            "name": name,
            "optimizer": kind,
            "hyperparameters": values,
            "parameters": run_optimizer(kind, values, initial, gradients),
        })
    return {
        "generator": GENERATOR,
        "torch_version": torch.__version__,
        "seed": SEED,
        "steps": STEPS,
        "defaults": {kind: torch_defaults(kind) for kind in TORCH_CLASSES},
        "initial_parameters": floats(initial),
        "gradients": [floats(g) for g in gradients],
        "cases": cases,
    }


# --- schedules -------------------------------------------------------------------------------------

SCHEDULE_CASES = [
    ("step_decay", "StepDecay", {"step_size": 7}),
    ("step_decay_half", "StepDecay", {"step_size": 3, "gamma": 0.5}),
    ("exponential_decay", "ExponentialDecay", {"gamma": 0.9}),
    ("cosine_annealing", "CosineAnnealing", {"t_max": 10}),
    ("cosine_annealing_minimum", "CosineAnnealing", {"t_max": 12, "min_learning_rate": 0.004}),
    ("reduce_on_plateau", "ReduceOnPlateau", {}),
    ("reduce_on_plateau_cooldown", "ReduceOnPlateau", {"factor": 0.5, "patience": 2, "threshold": 0.01,
                                                       "cooldown": 2, "min_learning_rate": 0.02}),
    ("reduce_on_plateau_eager", "ReduceOnPlateau", {"factor": 0.3, "patience": 0}),
]

SCHEDULE_NAMES = {
    "StepDecay": (torch.optim.lr_scheduler.StepLR, {"step_size": "step_size", "gamma": "gamma"}),
    "ExponentialDecay": (torch.optim.lr_scheduler.ExponentialLR, {"gamma": "gamma"}),
    "CosineAnnealing": (torch.optim.lr_scheduler.CosineAnnealingLR, {"t_max": "T_max", "min_learning_rate": "eta_min"}),
    "ReduceOnPlateau": (torch.optim.lr_scheduler.ReduceLROnPlateau,
                        {"factor": "factor", "patience": "patience", "threshold": "threshold",
                         "cooldown": "cooldown", "min_learning_rate": "min_lr"}),
}
INTEGER_HYPERPARAMETERS = {"step_size", "t_max", "patience", "cooldown"}


def schedule_defaults(kind: str) -> dict:
    torch_class, names = SCHEDULE_NAMES[kind]
    signature = inspect.signature(torch_class.__init__).parameters
    result = {}
    for name, torch_name in names.items():
        default = signature[torch_name].default
        if default is not inspect.Parameter.empty:
            result[name] = default if name in INTEGER_HYPERPARAMETERS else float(default)
    return result


def monitored_values() -> list:
    """A validation loss that improves, stalls (with gains under the threshold), recovers and stalls."""
    values = [1.0, 0.8, 0.7, 0.65, 0.64]                          # improving
    # Twelve epochs without a gain of the default relative threshold (1e-4), some gaining less than it.
    values += [0.64 * (1 - 5e-5), 0.64 * (1 - 9e-5), 0.64, 0.66, 0.64 * (1 - 5e-5), 0.7,
               0.65, 0.641, 0.64, 0.64 * (1 - 9.9e-5), 0.645, 0.642]
    values += [0.5, 0.52, 0.49, 0.55, 0.6]                        # one drop, then worse
    values += [0.489, 0.4889, 0.47, 0.47, 0.47, 0.47, 0.47]       # small gains, then a plateau
    values += [0.3]
    assert len(values) == EPOCHS
    return [f32(v) for v in values]


def run_schedule(kind: str, values: dict, monitored: list) -> list:
    torch_class, names = SCHEDULE_NAMES[kind]
    parameter = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([parameter], lr=f32(BASE_LEARNING_RATE))
    scheduler = torch_class(optimizer, **{names[name]: value for name, value in values.items()})
    rates = [optimizer.param_groups[0]["lr"]]
    for epoch in range(1, EPOCHS):
        optimizer.step()
        if kind == "ReduceOnPlateau":
            scheduler.step(monitored[epoch - 1])
        else:
            scheduler.step()
        rates.append(float(optimizer.param_groups[0]["lr"]))
    return rates


def schedules_document() -> dict:
    monitored = monitored_values()
    cases = []
    for name, kind, hyperparameters in SCHEDULE_CASES:
        values = dict(schedule_defaults(kind))
        values.update(hyperparameters)
        values = {k: v if k in INTEGER_HYPERPARAMETERS else f32(v) for k, v in values.items()}
        cases.append({
            "name": name,
            "schedule": kind,
            "hyperparameters": values,
            "learning_rates": run_schedule(kind, values, monitored),
        })
    return {
        "generator": GENERATOR,
        "torch_version": torch.__version__,
        "epochs": EPOCHS,
        "base_learning_rate": f32(BASE_LEARNING_RATE),
        "defaults": {kind: schedule_defaults(kind) for kind in SCHEDULE_NAMES},
        "monitored_values": monitored,
        "cases": cases,
    }


# --- output ----------------------------------------------------------------------------------------

def render(value, indent: str = "") -> str:
    """Objects one key per line, arrays of numbers on one line, arrays of arrays one row per line."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {render(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and isinstance(value[0], (list, dict)):
        return "[\n" + ",\n".join(inner + render(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, separators=(", ", ": "))


def write(document: dict, file_name: str) -> None:
    path = os.path.join(OUTPUT_DIR, file_name)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(render(document) + "\n")
    print(f"wrote {os.path.normpath(path)}")


def main() -> int:
    warnings.simplefilter("ignore")  # the scheduler's "call optimizer.step() first" chatter
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    write(optimizers_document(), "optimizers.json")
    write(schedules_document(), "schedules.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
