"""scikit-learn's LogisticRegression and MLPClassifier on the breast cancer split of samples/BreastCancer.

Usage (OMP_NUM_THREADS=1 keeps BLAS on one thread):
    dotnet run -c Release --project samples/BreastCancer -- --export-split /tmp/cancer-split.json
    OMP_NUM_THREADS=1 /usr/bin/python3 samples/BreastCancer/compare_sklearn.py /tmp/cancer-split.json

Same file (samples/data/breast_cancer.csv), same train/test rows (exported by the sample), the same
StandardScaler fitted on the training rows, malignant as the positive class, a 0.5 threshold.
LogisticRegression is scikit-learn's default (lbfgs, L2 penalty with C=1; the sample's one-layer
network has no penalty and stops early on 10% of the training rows instead). MLPClassifier has the
sample's MLP layers (16 ReLU units), Adam at 1e-3, batches of 32, no L2 penalty (alpha=0), early
stopping on 10% of the training rows with patience 20 (it watches validation accuracy, the sample
watches validation loss).
"""
import csv
import json
import os
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "data", "breast_cancer.csv")) as f:
    rows = list(csv.reader(f))
x = np.array([[float(v) for v in row[:-1]] for row in rows[1:]])
y = np.array([1 if row[-1] == "malignant" else 0 for row in rows[1:]])
with open(sys.argv[1]) as f:
    split = json.load(f)
train, test = np.array(split["train"]), np.array(split["test"])

scaler = StandardScaler().fit(x[train])
x_train, x_test = scaler.transform(x[train]), scaler.transform(x[test])


def report(name, model):
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x_train, y[train])
    seconds = time.perf_counter() - start
    p = model.predict_proba(x_test)[:, 1]
    predicted = (p >= 0.5).astype(int)
    actual = y[test]
    print(f"{name}: accuracy {accuracy_score(actual, predicted):.2%}  precision {precision_score(actual, predicted):.4f}  "
          f"recall {recall_score(actual, predicted):.4f}  F1 {f1_score(actual, predicted):.4f}  "
          f"ROC AUC {roc_auc_score(actual, p):.4f}  ({seconds:.2f} s)")


print(f"test set: {len(test)} samples; positive class: malignant; threshold 0.5")
report("scikit-learn LogisticRegression (default, C=1)", LogisticRegression(max_iter=1000))
report("scikit-learn MLPClassifier (16 ReLU, Adam 1e-3) ",
       MLPClassifier(hidden_layer_sizes=(16,), activation="relu", solver="adam", learning_rate_init=1e-3,
                     batch_size=32, alpha=0.0, max_iter=300, early_stopping=True, validation_fraction=0.1,
                     n_iter_no_change=20, random_state=42))
