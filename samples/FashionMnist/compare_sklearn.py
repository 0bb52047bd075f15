"""scikit-learn's MLPClassifier with the FashionMnist sample's network and setup, for accuracy and time per epoch.

Usage:
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 samples/FashionMnist/compare_sklearn.py [data directory]

Same files, pixels divided by 255, the same layers (784-128-64-10, ReLU, softmax), Adam at 1e-3
(betas 0.9/0.999, eps 1e-8), batches of 64 reshuffled every epoch, 5 epochs, no validation split and
no L2 penalty (alpha 0). scikit-learn computes in float64.
"""
import gzip
import os
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

directory = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"


def idx(name):
    with gzip.open(os.path.join(directory, name + ".gz"), "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * d: 8 + 4 * d], "big") for d in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


x_train = idx("train-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255
y_train = idx("train-labels-idx1-ubyte")
x_test = idx("t10k-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255
y_test = idx("t10k-labels-idx1-ubyte")

mlp = MLPClassifier(hidden_layer_sizes=(128, 64), activation="relu", solver="adam", learning_rate_init=1e-3,
                    batch_size=64, alpha=0.0, max_iter=5, shuffle=True, tol=0.0, n_iter_no_change=5, random_state=42)
start = time.perf_counter()
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)  # 5 epochs is the setup, not a failure to converge
    mlp.fit(x_train, y_train)
seconds = time.perf_counter() - start
accuracy = (mlp.predict(x_test) == y_test).mean()
print(f"scikit-learn MLPClassifier: {mlp.n_iter_} epochs, {seconds / mlp.n_iter_:.2f} s per epoch "
      f"({seconds:.1f} s in all), test accuracy {accuracy:.2%} on {len(x_test)} images")
