#!/usr/bin/env python3
"""Writes the scikit-learn reference values that the report tests (tests/NeuralDsl.Tests/Reports)
compare NeuralDsl.Reports with.

Run from the repository root (Debian's scikit-learn is only visible to the system interpreter):

    sudo apt-get install python3-sklearn
    /usr/bin/python3 tests/reference/make_metrics_reference.py

It rewrites tests/NeuralDsl.Tests/Reference/metrics.json with seeded random cases:

- classification: actual and predicted class indices where one class is never predicted (its
  precision is 0/0, which zero_division=0 turns into 0), and a case where one class appears in
  neither list; for each, the confusion matrix, per-class precision/recall/F1/support, macro and
  weighted averages, accuracy, and classification_report's text (digits 2 and 4);
- top-k accuracy on scores rounded to a coarse grid, so that ties occur;
- binary ROC AUC on float32 scores rounded to a coarse grid (many tied scores);
- regression: R2, MAE and MSE on one output and on three (uniform average), plus an output whose
  targets are constant (scikit-learn's force_finite rule).

Scores and regression values are float32 numbers (stored as their exact float64 value), since the
C# API takes the network's float outputs.
"""

import json
import os

import numpy as np
import sklearn
from sklearn.metrics import (classification_report, confusion_matrix, mean_absolute_error,
                             mean_squared_error, precision_recall_fscore_support, r2_score,
                             roc_auc_score, top_k_accuracy_score)

OUTPUT = os.path.join("tests", "NeuralDsl.Tests", "Reference", "metrics.json")


def f32(values):
    return np.asarray(values, dtype=np.float32).astype(np.float64)


def classification_case(name, actual, predicted, classes, names):
    labels = list(range(classes))
    p, r, f, s = precision_recall_fscore_support(actual, predicted, labels=labels, zero_division=0)
    averages = {}
    for average in ("macro", "weighted"):
        ap, ar, af, _ = precision_recall_fscore_support(actual, predicted, labels=labels, average=average, zero_division=0)
        averages[average] = [float(ap), float(ar), float(af)]
    accuracy = float(np.mean(np.asarray(actual) == np.asarray(predicted)))
    texts = {}
    for digits in (2, 4):
        texts[str(digits)] = classification_report(actual, predicted, labels=labels, target_names=names,
                                                   digits=digits, zero_division=0)
    return {
        "name": name,
        "classes": classes,
        "names": names,
        "actual": [int(v) for v in actual],
        "predicted": [int(v) for v in predicted],
        "confusion": confusion_matrix(actual, predicted, labels=labels).tolist(),
        "precision": p.tolist(),
        "recall": r.tolist(),
        "f1": f.tolist(),
        "support": [int(v) for v in s],
        "macro": averages["macro"],
        "weighted": averages["weighted"],
        "accuracy": accuracy,
        "report": texts,
    }


def main():
    rng = np.random.default_rng(20261205)
    cases = []

    # Five classes, class 4 occurs but is never predicted; predictions agree with the truth 60% of the time.
    actual = rng.integers(0, 5, size=200)
    predicted = np.where(rng.random(200) < 0.6, actual, rng.integers(0, 4, size=200))
    predicted = np.where(predicted == 4, rng.integers(0, 4, size=200), predicted)
    cases.append(classification_case("never_predicted", actual, predicted, 5,
                                     ["cat", "dog", "horse", "parrot", "goldfish"]))

    # Four classes, class 2 appears in neither list (0/0 everywhere, support 0); default names.
    pool = np.array([0, 1, 3])
    actual = rng.choice(pool, size=37)
    predicted = np.where(rng.random(37) < 0.5, actual, rng.choice(pool, size=37))
    cases.append(classification_case("absent_class", actual, predicted, 4, None))

    # Binary, nearly perfect, with long names.
    actual = rng.integers(0, 2, size=64)
    predicted = np.where(rng.random(64) < 0.9, actual, 1 - actual)
    cases.append(classification_case("binary", actual, predicted, 2, ["benign tumour", "malignant tumour"]))

    topk = []
    classes = 6
    actual = rng.integers(0, classes, size=150)
    scores = f32(np.round(rng.random((150, classes)) * 4) / 4)  # values in {0, .25, .5, .75, 1}: many ties
    for k in (1, 2, 3, 5):
        topk.append({"k": k, "value": float(top_k_accuracy_score(actual, scores, k=k, labels=list(range(classes))))})
    topk_case = {"classes": classes, "actual": [int(v) for v in actual], "scores": scores.ravel().tolist(), "results": topk}

    auc = []
    for n, grid in ((120, 10), (57, 4), (300, 1000)):
        actual = rng.integers(0, 2, size=n)
        scores = f32(np.clip(np.round((rng.random(n) * 0.7 + 0.3 * actual) * grid) / grid, 0, 1))
        auc.append({"actual": [int(v) for v in actual], "scores": scores.tolist(), "value": float(roc_auc_score(actual, scores))})

    regression = []
    for n, outputs in ((80, 1), (50, 3)):
        actual = f32(rng.normal(2.0, 3.0, size=(n, outputs)))
        predicted = f32(actual + rng.normal(0.0, 1.5, size=(n, outputs)))
        regression.append(regression_case(actual, predicted))
    constant = f32(np.full((20, 2), 1.5))
    constant[:, 1] = f32(rng.normal(size=20))
    predicted = f32(constant + rng.normal(0.0, 0.5, size=(20, 2)))
    predicted[:, 0] = constant[:, 0]  # constant targets predicted exactly: R2 is 1 by scikit-learn's rule
    regression.append(regression_case(constant, predicted))
    predicted = f32(constant + rng.normal(0.0, 0.5, size=(20, 2)))  # constant targets missed: R2 is 0
    regression.append(regression_case(constant, predicted))

    document = {
        "generator": "tests/reference/make_metrics_reference.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "classification": cases,
        "top_k": topk_case,
        "roc_auc": auc,
        "regression": regression,
    }
    with open(OUTPUT, "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=1)
        stream.write("\n")
    print(f"wrote {OUTPUT}")


def regression_case(actual, predicted):
    return {
        "outputs": actual.shape[1],
        "actual": actual.ravel().tolist(),
        "predicted": predicted.ravel().tolist(),
        "r2": float(r2_score(actual, predicted)),
        "r2_per_output": r2_score(actual, predicted, multioutput="raw_values").tolist(),
        "mae": float(mean_absolute_error(actual, predicted)),
        "mse": float(mean_squared_error(actual, predicted)),
    }


if __name__ == "__main__":
    main()
