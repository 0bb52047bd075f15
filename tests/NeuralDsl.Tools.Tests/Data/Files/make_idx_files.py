"""Writes the tiny IDX files the IdxReader tests read, and what an independent reader makes of them.

Run from anywhere: /usr/bin/python3 tests/NeuralDsl.Tools.Tests/Data/Files/make_idx_files.py

The files follow the format as LeCun's MNIST page describes it: bytes 0-1 zero, byte 2 the type code
(0x08 = unsigned byte), byte 3 the number of dimensions, then each dimension's size as a big-endian
32-bit integer, then the values. Three 2x3 images with labels, plain and gzip-compressed (with a
name that does not end in .gz, so the reader must recognise gzip by its magic bytes). The expected
values are read back with numpy (frombuffer after the header, as the format says) and scaled by
1/255 in float32, written to idx_expected.json.
"""
import gzip
import json
import os
import struct

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
images = bytes([0, 1, 2, 127, 128, 255,
                10, 20, 30, 40, 50, 60,
                255, 254, 253, 3, 2, 1])
labels = bytes([7, 0, 9])


def idx(values, dims):
    return bytes([0, 0, 0x08, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + values


def write(name, content):
    with open(os.path.join(here, name), "wb") as f:
        f.write(content)


write("tiny-images-idx3-ubyte", idx(images, [3, 2, 3]))
write("tiny-labels-idx1-ubyte", idx(labels, [3]))
# mtime=0 keeps the compressed bytes the same on every run.
write("tiny-images-gzip-named-plain", gzip.compress(idx(images, [3, 2, 3]), mtime=0))
write("tiny-labels-idx1-ubyte.gz", gzip.compress(idx(labels, [3]), mtime=0))


def read_back(name):
    with open(os.path.join(here, name), "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    ndim = raw[3]
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


pixels = read_back("tiny-images-gzip-named-plain")
expected = {
    "count": int(pixels.shape[0]), "rows": int(pixels.shape[1]), "columns": int(pixels.shape[2]),
    "pixels": [float(v) for v in (pixels.astype(np.float32) / np.float32(255)).ravel()],
    "labels": [int(v) for v in read_back("tiny-labels-idx1-ubyte.gz")],
}
with open(os.path.join(here, "idx_expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
