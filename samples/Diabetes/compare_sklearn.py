"""scikit-learn's LinearRegression, HuberRegressor and MLPRegressor on the diabetes split of samples/Diabetes.

Usage (OMP_NUM_THREADS=1 keeps BLAS on one thread):
    dotnet run -c Release --project samples/Diabetes -- --export-split /tmp/diabetes-split.json
    OMP_NUM_THREADS=1 /usr/bin/python3 samples/Diabetes/compare_sklearn.py /tmp/diabetes-split.json

Same file (samples/data/diabetes.csv), same train/test rows (exported by the sample), the same
features (sex one-hot as sex=1, sex=2, in that place), the same StandardScaler fitted on the
training rows, for the features and for the target (predictions are mapped back, and scored in the
file's units). LinearRegression is the exact least-squares fit the sample's linear network
approaches. MLPRegressor has the sample's MLP layers (32 ReLU units, linear output), squared error,
Adam at 1e-3, batches of 32, no L2 penalty (alpha=0), early stopping on 10% of the training rows
with patience 20 (it watches validation R², the sample validation loss). scikit-learn's MLP has no
Huber loss; HuberRegressor (a linear model, epsilon=1.35, its default) is its robust-loss model.
"""
import csv
import json
import os
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import HuberRegressor, LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "data", "diabetes.csv")) as f:
    rows = list(csv.DictReader(f))
names = ["age", "sex=1", "sex=2", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
x = np.array([[float(r["age"]), float(r["sex"] == "1"), float(r["sex"] == "2")]
              + [float(r[c]) for c in names[3:]] for r in rows])
y = np.array([float(r["progression"]) for r in rows])
with open(sys.argv[1]) as f:
    split = json.load(f)
train, test = np.array(split["train"]), np.array(split["test"])

features = StandardScaler().fit(x[train])
target = StandardScaler().fit(y[train, None])
x_train, x_test = features.transform(x[train]), features.transform(x[test])
y_train = target.transform(y[train, None]).ravel()


def report(name, model):
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x_train, y_train)
    seconds = time.perf_counter() - start
    predicted = target.inverse_transform(model.predict(x_test)[:, None]).ravel()
    actual = y[test]
    print(f"{name}: R² {r2_score(actual, predicted):.4f}  MAE {mean_absolute_error(actual, predicted):.2f}  "
          f"MSE {mean_squared_error(actual, predicted):.1f}  ({seconds:.2f} s)")


print(f"test set: {len(test)} patients")
report("scikit-learn LinearRegression                  ", LinearRegression())
report("scikit-learn HuberRegressor (linear)           ", HuberRegressor(max_iter=1000))
report("scikit-learn MLPRegressor (32 ReLU, Adam 1e-3) ",
       MLPRegressor(hidden_layer_sizes=(32,), activation="relu", solver="adam", learning_rate_init=1e-3,
                    batch_size=32, alpha=0.0, max_iter=1000, early_stopping=True, validation_fraction=0.1,
                    n_iter_no_change=20, random_state=42))
