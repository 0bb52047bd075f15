#!/usr/bin/env python3
"""Writes the scikit-learn reference values that the data utility tests (tests/NeuralDsl.Tests/Data)
compare NeuralDsl.Data with.

Run from the repository root (Debian's scikit-learn is only visible to the system interpreter):

    sudo apt-get install python3-sklearn
    /usr/bin/python3 tests/reference/make_data_reference.py

It rewrites tests/NeuralDsl.Tests/Reference/data.json with:

- a small fixed float32 training matrix (one column constant, one with a large offset) and a second
  matrix to apply the fitted scalers to (with values outside the training range, and a different value
  in the constant column);
- what StandardScaler and MinMaxScaler (default range, and range (-1, 2)) learn from the training matrix
  and produce for both matrices, computed in float64 from the float32 values;
- the classes and codes LabelEncoder gives for a list of strings (mixed case, accents, a character
  above U+FFFF and one in U+E000..U+FFFF, whose UTF-16 order differs from code-point order) and a list
  of numbers.
"""

import json
import os

import numpy as np
import sklearn
from sklearn.preprocessing import LabelEncoder, MinMaxScaler, StandardScaler

OUTPUT = os.path.join("tests", "NeuralDsl.Tests", "Reference", "data.json")

STRING_LABELS = [
    "paris", "Tokyo", "amsterdam", "Zürich", "tokyo", "Ålesund", "éclair", "",
    " space", "10", "9", "\U0001F600 smile", "\uE000 private", "\uFF21 fullwidth",
    "paris", "Tokyo", "B", "a", "b", "A",
]

NUMBER_LABELS = [3.5, -1.0, 2.0, 3.5, 10.0, -1.0, 0.25, 2.0]


def matrices():
    """float32 matrices, so that the C# side starts from exactly the same values."""
    rng = np.random.default_rng(20240611)
    train = np.empty((8, 4), dtype=np.float32)
    train[:, 0] = rng.normal(0.0, 1.0, 8)
    train[:, 1] = np.float32(0.1)  # constant; 0.1 is not exact in binary, so a computed mean can miss it
    train[:, 2] = 1000.0 + rng.normal(0.0, 3.0, 8)
    train[:, 3] = -rng.uniform(0.0, 0.01, 8)
    other = np.array(
        [
            [3.0, 0.1, 990.0, 0.005],
            [-2.5, 0.7, 1010.0, -0.02],
            [0.0, -1.0, 1000.0, 0.0],
        ],
        dtype=np.float32,
    )
    return train, other


def floats(array):
    return [float(x) for x in np.asarray(array, dtype=np.float64).ravel()]


def scaler_case(scaler, train, other, attributes):
    scaler.fit(train.astype(np.float64))
    case = {name: floats(getattr(scaler, name)) for name in attributes}
    case["train"] = floats(scaler.transform(train.astype(np.float64)))
    case["other"] = floats(scaler.transform(other.astype(np.float64)))
    return case


def main():
    train, other = matrices()
    encoder = LabelEncoder().fit(STRING_LABELS)
    number_encoder = LabelEncoder().fit(NUMBER_LABELS)
    reference = {
        "notes": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}; float64 math on float32 inputs",
        "rows": int(train.shape[0]),
        "columns": int(train.shape[1]),
        "other_rows": int(other.shape[0]),
        "train": floats(train),
        "other": floats(other),
        "standard": scaler_case(StandardScaler(), train, other, ["mean_", "var_", "scale_"]),
        "min_max": scaler_case(MinMaxScaler(), train, other, ["data_min_", "data_max_", "scale_"]),
        "min_max_wide": scaler_case(
            MinMaxScaler(feature_range=(-1.0, 2.0)), train, other, ["data_min_", "data_max_", "scale_"]
        ),
        "string_labels": {
            "labels": STRING_LABELS,
            "classes": [str(c) for c in encoder.classes_],
            "codes": [int(c) for c in encoder.transform(STRING_LABELS)],
        },
        "number_labels": {
            "labels": NUMBER_LABELS,
            "classes": floats(number_encoder.classes_),
            "codes": [int(c) for c in number_encoder.transform(NUMBER_LABELS)],
        },
    }
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
