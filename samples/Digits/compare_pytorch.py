"""PyTorch on the digits split of samples/Digits, on one thread, timed the same way.

Usage:
    dotnet run -c Release --project samples/Digits -- --export-split /tmp/digits-split.json
    OMP_NUM_THREADS=1 /usr/bin/python3 samples/Digits/compare_pytorch.py /tmp/digits-split.json [epochs]

Same data (samples/data/digits.csv.gz), same train/test rows (exported by the sample), the same
standardisation fitted on the training rows, the same layers (64 ReLU units, softmax folded into the
cross-entropy loss), Adam at 1e-3, batches of 32 reshuffled every epoch, the last 10% of the training
rows held out for validation (as the sample's ValidationSplit does), early stopping on validation
loss with patience 10 and the best epoch's weights restored. With an epoch count it also trains for
exactly that many epochs without early stopping, for a comparison of equal work. Initial weights
differ (PyTorch's nn.Linear default).
"""
import copy
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)
here = os.path.dirname(os.path.abspath(__file__))
with gzip.open(os.path.join(here, "..", "data", "digits.csv.gz"), "rt") as f:
    rows = np.loadtxt(f, delimiter=",")
x, y = rows[:, :64], rows[:, 64].astype(np.int64)
with open(sys.argv[1]) as f:
    split = json.load(f)
train, test = np.array(split["train"]), np.array(split["test"])
mean, std = x[train].mean(0), x[train].std(0)
std[std == 0] = 1.0
scale = lambda a: torch.from_numpy(((a - mean) / std).astype(np.float32))
x_train, x_test = scale(x[train]), scale(x[test])
y_train, y_test = torch.from_numpy(y[train]), torch.from_numpy(y[test])
fit_rows = len(train) - round(0.1 * len(train))
x_fit, y_fit, x_val, y_val = x_train[:fit_rows], y_train[:fit_rows], x_train[fit_rows:], y_train[fit_rows:]


def fit(epochs, early_stopping):
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    best, best_state, wait, ran = float("inf"), None, 0, 0
    start = time.perf_counter()
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(fit_rows)
        for b in range(0, fit_rows, 32):
            batch = order[b:b + 32]
            loss = loss_fn(model(x_fit[batch]), y_fit[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        ran = epoch + 1
        if early_stopping:
            model.eval()
            with torch.no_grad():
                val_loss = loss_fn(model(x_val), y_val).item()
            if val_loss < best:
                best, best_state, wait = val_loss, copy.deepcopy(model.state_dict()), 0
            else:
                wait += 1
                if wait >= 10:
                    model.load_state_dict(best_state)
                    break
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    how = "early stopping" if early_stopping else "fixed epochs"
    print(f"PyTorch {torch.__version__} ({how}): {ran} epochs, fit {seconds:.2f} s "
          f"({1000 * seconds / ran:.1f} ms per epoch), test accuracy {accuracy:.2%} on {len(test)} digits")


fit(200, True)
if len(sys.argv) > 2:
    fit(int(sys.argv[2]), False)
