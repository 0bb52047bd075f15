"""scikit-learn's MLPClassifier on the digits split of samples/Digits, timed the same way.

Usage (OMP_NUM_THREADS=1 keeps BLAS on one thread):
    dotnet run -c Release --project samples/Digits -- --export-split /tmp/digits-split.json
    OMP_NUM_THREADS=1 /usr/bin/python3 samples/Digits/compare_sklearn.py /tmp/digits-split.json [epochs]

Same data (samples/data/digits.csv.gz), same train/test rows (exported by the sample), the same
StandardScaler fitted on the training rows, the same layers (64 ReLU units, softmax over 10), Adam at
1e-3, batches of 32, early stopping on 10% of the training rows with patience 10. scikit-learn's
early stopping watches validation accuracy (ours watches validation loss) and it adds an L2 penalty
of alpha (set to 0 here, as ours has none). With an epoch count (the sample prints how many it ran),
it also trains for exactly that many epochs without early stopping, on the same 90% of the
training rows, for a comparison of equal work.
"""
import gzip
import json
import os
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
with gzip.open(os.path.join(here, "..", "data", "digits.csv.gz"), "rt") as f:
    rows = np.loadtxt(f, delimiter=",")
x, y = rows[:, :64], rows[:, 64].astype(int)
with open(sys.argv[1]) as f:
    split = json.load(f)
train, test = np.array(split["train"]), np.array(split["test"])

scaler = StandardScaler().fit(x[train])
x_train, x_test = scaler.transform(x[train]), scaler.transform(x[test])



def fit(epochs, early_stopping):
    mlp = MLPClassifier(hidden_layer_sizes=(64,), activation="relu", solver="adam", learning_rate_init=1e-3,
                        batch_size=32, alpha=0.0, max_iter=epochs, early_stopping=early_stopping,
                        validation_fraction=0.1, n_iter_no_change=10 if early_stopping else epochs, tol=1e-4 if early_stopping else 0.0,
                        random_state=42)
    rows = np.arange(len(train))
    if not early_stopping:
        rows = rows[: len(train) - round(0.1 * len(train))]  # the part the sample trains on
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter reached is the point here
        mlp.fit(x_train[rows], y[train][rows])
    seconds = time.perf_counter() - start
    accuracy = (mlp.predict(x_test) == y[test]).mean()
    how = "early stopping" if early_stopping else "fixed epochs"
    print(f"scikit-learn MLPClassifier ({how}): {mlp.n_iter_} epochs, fit {seconds:.2f} s "
          f"({1000 * seconds / mlp.n_iter_:.1f} ms per epoch), test accuracy {accuracy:.2%} on {len(test)} digits")


fit(200, True)
if len(sys.argv) > 2:
    fit(int(sys.argv[2]), False)
