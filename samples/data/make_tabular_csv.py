"""Builds breast_cancer.csv and diabetes.csv (headers with named columns) from the files Debian's
python3-sklearn ships in /usr/lib/python3/dist-packages/sklearn/datasets/data.

Run: /usr/bin/python3 samples/data/make_tabular_csv.py

- breast_cancer.csv: scikit-learn's breast_cancer.csv has a first line "569,30,malignant,benign"
  instead of names, and the class as 0 (malignant) or 1 (benign). Here the header names the 30
  features as scikit-learn's load_breast_cancer does, and the last column, "diagnosis", holds the
  class as its name. The feature values are copied as they are written in the source file.
- diabetes.csv: scikit-learn's diabetes_data_raw.csv.gz (ten space-separated columns, no header) and
  diabetes_target.csv.gz (one value per line) joined into one file with the names scikit-learn's
  load_diabetes gives the features (age, sex, bmi, bp, s1-s6) and "progression" for the target (a
  measure of disease progression one year after baseline). Values are copied as written, the target
  written without its exponent notation (1.510000000000000000e+02 becomes 151).
"""
import csv
import gzip
import os

from sklearn.datasets import load_breast_cancer

source = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
here = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(source, "breast_cancer.csv")) as f:
    rows = list(csv.reader(f))
count, features, *class_names = rows[0]
assert len(rows) - 1 == int(count) and class_names == ["malignant", "benign"]
names = list(load_breast_cancer().feature_names)
assert len(names) == int(features)
with open(os.path.join(here, "breast_cancer.csv"), "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(names + ["diagnosis"])
    for row in rows[1:]:
        out.writerow(row[:-1] + [class_names[int(row[-1])]])

with gzip.open(os.path.join(source, "diabetes_data_raw.csv.gz"), "rt") as f:
    data = [line.split() for line in f if line.strip()]
with gzip.open(os.path.join(source, "diabetes_target.csv.gz"), "rt") as f:
    target = [float(line) for line in f if line.strip()]
assert len(data) == len(target) == 442 and all(len(row) == 10 for row in data)
assert all(t == int(t) for t in target)
with open(os.path.join(here, "diabetes.csv"), "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "progression"])
    for row, t in zip(data, target):
        out.writerow(row + [str(int(t))])
