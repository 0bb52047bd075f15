"""What numpy reads from Debian's Fashion-MNIST test files, for the IdxReader test that runs where the
package is installed (the data itself is not committed).

Run: /usr/bin/python3 tests/NeuralDsl.Tools.Tests/Data/Files/make_fashion_reference.py
(needs Debian's dataset-fashion-mnist: samples/FashionMnist/get-data.sh installs it)

Writes fashion_t10k_reference.json: the shape, the first 20 labels, the count of each label, the
sum of all pixel bytes, and the bytes of images 0 and 9999, read with gzip and numpy's frombuffer
after the 16-byte (images) or 8-byte (labels) header that the format defines.
"""
import gzip
import json
import os

import numpy as np

directory = "/usr/share/datasets/fashion-mnist"
with gzip.open(os.path.join(directory, "t10k-images-idx3-ubyte.gz"), "rb") as f:
    raw = f.read()
assert raw[:4] == b"\x00\x00\x08\x03"
shape = [int.from_bytes(raw[4 + 4 * d: 8 + 4 * d], "big") for d in range(3)]
images = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(shape)
with gzip.open(os.path.join(directory, "t10k-labels-idx1-ubyte.gz"), "rb") as f:
    raw = f.read()
assert raw[:4] == b"\x00\x00\x08\x01"
labels = np.frombuffer(raw, dtype=np.uint8, offset=8)

reference = {
    "count": shape[0], "rows": shape[1], "columns": shape[2],
    "first_labels": [int(v) for v in labels[:20]],
    "label_counts": [int(v) for v in np.bincount(labels, minlength=10)],
    "pixel_byte_sum": int(images.astype(np.int64).sum()),
    "image_0": [int(v) for v in images[0].ravel()],
    "image_9999": [int(v) for v in images[-1].ravel()],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fashion_t10k_reference.json"), "w") as f:
    json.dump(reference, f)
    f.write("\n")
