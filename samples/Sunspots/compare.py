"""NumPy's least squares, statsmodels' AutoReg and a PyTorch recurrent network on the Sunspots sample's split.

Usage (OMP_NUM_THREADS=1 keeps BLAS and PyTorch on one thread):
    dotnet run -c Release --project samples/Sunspots -- --seeds 1,2,3,4,5 --export-split /tmp/sunspots-split.json
    OMP_NUM_THREADS=1 /usr/bin/python3 samples/Sunspots/compare.py /tmp/sunspots-split.json

The sample exports its window length, the target years of its training and test windows, the training
years' mean and standard deviation, the network's layer, units and training settings, and its own
results. This script cuts the same windows from samples/data/sunspots.csv and checks that the export
describes them (same years, same scaling), then:
- fits the same autoregression with an intercept by numpy.linalg.lstsq and compares its test RMSE with
  the sample's (QR in C#), failing above 1e-6 relative difference;
- fits statsmodels' AutoReg (constant term, the same lags, on the training years), if statsmodels is installed;
- trains nn.LSTM or nn.GRU (1 input, the sample's units) and nn.Linear(units, 1) as the sample trains its
  network: standardised windows and targets, mean squared error, Adam at the declared rate with a cosine
  schedule to 0 over the epochs (stepped per epoch), batches of the declared size reshuffled every epoch,
  clip_grad_norm_ to the declared norm, and Keras' initialisation (what NeuralDsl uses): Glorot-uniform
  kernels, orthogonal recurrent kernels, zero biases, LSTM forget biases at 1. One run per exported seed.
"""
import csv
import json
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)

with open(sys.argv[1]) as f:
    split = json.load(f)
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "data", "sunspots.csv")) as f:
    rows = list(csv.reader(f))[1:]
years = np.array([int(r[0]) for r in rows])
values = np.array([float(r[1]) for r in rows])
position = {int(y): i for i, y in enumerate(years)}

w = split["window"]
first_test = split["first_test_year"]
train_t = np.array([position[y] for y in split["train_years"]])
test_t = np.array([position[y] for y in split["test_years"]])
assert train_t.max() < position[first_test] <= test_t.min(), "a training window's target is a test year"
assert len(train_t) + len(test_t) == len(values) - w, "the windows do not cover the series"


def windows(targets):
    return np.array([values[t - w:t] for t in targets]), values[targets]


x_train, y_train = windows(train_t)
x_test, y_test = windows(test_t)
training_years = values[:position[first_test]]
mean, scale = training_years.mean(), training_years.std()
assert math.isclose(mean, split["mean"], rel_tol=1e-12) and math.isclose(scale, split["scale"], rel_tol=1e-12), \
    f"the export's scaling ({split['mean']}, {split['scale']}) is not the training years' ({mean}, {scale})"


def errors(predicted):
    e = predicted - y_test
    return math.sqrt(np.mean(e ** 2)), np.mean(np.abs(e))


print(f"{len(x_train)} training windows, {len(x_test)} test windows ({first_test}-{years[-1]}), window {w} years")
ours = split["neuraldsl"]
print(f"{f'NeuralDsl AR({w}) by QR (C#)':<36}: RMSE {ours['ar_rmse']:.4f}  MAE {ours['ar_mae']:.4f}")

design = np.column_stack([np.ones(len(x_train)), x_train])
solution, *_ = np.linalg.lstsq(design, y_train, rcond=None)
rmse, mae = errors(np.column_stack([np.ones(len(x_test)), x_test]) @ solution)
relative = abs(rmse - ours["ar_rmse"]) / rmse
print(f"{f'NumPy lstsq AR({w})':<36}: RMSE {rmse:.4f}  MAE {mae:.4f}  (relative difference to C#: {relative:.1e})")

# The window: the same split of the years, the same least squares, for other window lengths.
scan = []
for v in range(6, 16):
    targets = np.arange(v, len(values))
    design_v = np.column_stack([np.ones(len(targets)), [values[t - v:t] for t in targets]])
    fit = targets < position[first_test]
    solution_v, *_ = np.linalg.lstsq(design_v[fit], values[targets[fit]], rcond=None)
    scan.append(f"{v}: {math.sqrt(np.mean((design_v[~fit] @ solution_v - values[targets[~fit]]) ** 2)):.2f}")
print(f"AR test RMSE by window length (years): {', '.join(scan)}")

try:
    from statsmodels.tsa.ar_model import AutoReg
    fitted = AutoReg(training_years, lags=w, trend="c").fit()
    # params: the constant, then lag 1 (the latest year) to lag w; a window lists the oldest year first.
    forecast = fitted.params[0] + x_test[:, ::-1] @ fitted.params[1:]
    rmse_sm, mae_sm = errors(forecast)
    print(f"{f'statsmodels AutoReg({w}, trend=c)':<36}: RMSE {rmse_sm:.4f}  MAE {mae_sm:.4f}")
except ImportError:
    print("statsmodels is not installed: AutoReg skipped")

net = split["network"]
kind = {"lstm": nn.LSTM, "gru": nn.GRU}[net["cell"]]
units, epochs, batch, rate, clip = net["units"], net["epochs"], net["batch_size"], net["learning_rate"], net["clip_norm"]


def keras_init(recurrent, linear):
    gates = recurrent.weight_ih_l0.shape[0] // units
    nn.init.xavier_uniform_(linear.weight)
    nn.init.zeros_(linear.bias)
    # Keras draws each kernel whole, [features, gates * units] and [units, gates * units], then splits it by gate.
    with torch.no_grad():
        kernel = torch.empty(1, gates * units)
        nn.init.xavier_uniform_(kernel)
        recurrent.weight_ih_l0.copy_(kernel.T)
        recurrent_kernel = torch.empty(units, gates * units)
        nn.init.orthogonal_(recurrent_kernel)
        recurrent.weight_hh_l0.copy_(recurrent_kernel.T)
        recurrent.bias_ih_l0.zero_()
        recurrent.bias_hh_l0.zero_()
        if kind is nn.LSTM:
            recurrent.bias_ih_l0[units:2 * units] = 1.0


inputs = torch.tensor((x_train - mean) / scale, dtype=torch.float32)[:, :, None]
targets = torch.tensor((y_train - mean) / scale, dtype=torch.float32)[:, None]
test_inputs = torch.tensor((x_test - mean) / scale, dtype=torch.float32)[:, :, None]
results = []
for seed in split["seeds"]:
    torch.manual_seed(seed)
    recurrent, linear = kind(1, units, batch_first=True), nn.Linear(units, 1)
    keras_init(recurrent, linear)
    parameters = list(recurrent.parameters()) + list(linear.parameters())
    optimiser = torch.optim.Adam(parameters, lr=rate)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, T_max=epochs)
    start = time.perf_counter()
    for epoch in range(epochs):
        order = torch.randperm(len(inputs))
        for b in range(0, len(inputs), batch):
            rows_b = order[b:b + batch]
            output, _ = recurrent(inputs[rows_b])
            loss = ((linear(output[:, -1]) - targets[rows_b]) ** 2).mean()
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(parameters, clip)
            optimiser.step()
        schedule.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        output, _ = recurrent(test_inputs)
        predicted = linear(output[:, -1]).numpy().ravel().astype(np.float64) * scale + mean
    results.append((errors(predicted), seconds))
    label = f"PyTorch {torch.__version__} {net['cell'].upper()}({units}), seed {seed}"
    print(f"{label:<36}: RMSE {results[-1][0][0]:.4f}  MAE {results[-1][0][1]:.4f}  ({seconds:.2f} s)")

rmses = [r[0][0] for r in results]
print(f"PyTorch over {len(rmses)} seeds: RMSE {min(rmses):.2f} to {max(rmses):.2f} (mean {np.mean(rmses):.2f}), "
      f"{sum(r < rmse for r in rmses)} of {len(rmses)} below the AR's {rmse:.2f}; {np.mean([r[1] for r in results]):.2f} s per run")
if relative > 1e-6:
    sys.exit(f"the C# autoregression's RMSE differs from NumPy's by {relative:.1e} (relative), more than 1e-6")
