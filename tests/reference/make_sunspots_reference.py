#!/usr/bin/env python3
"""Writes the NumPy least-squares reference that the Sunspots sample's autoregression is tested against.

Run from the repository root:

    /usr/bin/python3 tests/reference/make_sunspots_reference.py

It rewrites tests/NeuralDsl.Samples.Tests/Reference/sunspots_ar.json from samples/data/sunspots.csv
(one value per year, 1700-2008): the last round(0.2 * years) years are the test years; for each window
length W, every window of W consecutive years is paired with the year after it, a window belongs to
the part of that year, and an autoregression y[t] = c + a[0] y[t-W] + ... + a[W-1] y[t-1] is fitted to
the training windows by numpy.linalg.lstsq (SVD-based least squares, in float64). Written per W: the
first test year, the training years' mean and population standard deviation, the window counts, the
intercept and coefficients (oldest year first), and the test RMSE and MAE of its one-step forecasts.
"""
import csv
import json
import os

import numpy as np

TEST_FRACTION = 0.2
WINDOWS = (3, 11)

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
with open(os.path.join(root, "samples", "data", "sunspots.csv")) as f:
    rows = list(csv.reader(f))[1:]
years = np.array([int(r[0]) for r in rows])
values = np.array([float(r[1]) for r in rows])
test_years = int(np.floor(TEST_FRACTION * len(values) + 0.5))
train_years = len(values) - test_years

cases = []
for w in WINDOWS:
    targets = np.arange(w, len(values))
    inputs = np.array([values[t - w:t] for t in targets])
    design = np.column_stack([np.ones(len(targets)), inputs])
    train = targets < train_years
    solution, *_ = np.linalg.lstsq(design[train], values[targets[train]], rcond=None)
    errors = design[~train] @ solution - values[targets[~train]]
    cases.append({
        "window": w,
        "first_test_year": int(years[train_years]),
        "train_mean": float(values[:train_years].mean()),
        "train_scale": float(values[:train_years].std()),
        "train_windows": int(train.sum()),
        "test_windows": int((~train).sum()),
        "intercept": float(solution[0]),
        "coefficients": [float(c) for c in solution[1:]],
        "test_rmse": float(np.sqrt(np.mean(errors ** 2))),
        "test_mae": float(np.mean(np.abs(errors))),
    })

out = os.path.join(root, "tests", "NeuralDsl.Samples.Tests", "Reference", "sunspots_ar.json")
with open(out, "w") as f:
    json.dump({"test_fraction": TEST_FRACTION, "cases": cases}, f, indent=1)
    f.write("\n")
print(f"wrote {os.path.relpath(out, root)}")
