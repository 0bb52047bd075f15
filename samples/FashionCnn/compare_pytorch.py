"""The FashionCnn sample's network and setup in PyTorch, on one thread, for accuracy and time per epoch side by side.

Usage:
    OMP_NUM_THREADS=1 /usr/bin/python3 samples/FashionCnn/compare_pytorch.py [data directory] [seed] [epochs]

Same files (Debian's dataset-fashion-mnist in /usr/share/datasets/fashion-mnist by default), pixels
divided by 255, the same layers: Conv2d(1, 16, 3, padding=1), ReLU, MaxPool2d(2), Conv2d(16, 32, 3,
padding=1), ReLU, MaxPool2d(2), Flatten, Linear(1568, 128), ReLU, Linear(128, 10) with the softmax
folded into the cross-entropy loss. PyTorch is channels-first (N, 1, 28, 28); padding=1 is Keras'
`same` for a 3x3 kernel with stride 1. Adam at 1e-3 with PyTorch's defaults, batches of 64 reshuffled
every epoch, 5 epochs by default, no validation split. The initial weights differ: PyTorch's defaults
(Kaiming uniform with a=sqrt(5)), the sample's He uniform for the ReLU layers, Glorot uniform for the output.
"""
import gzip
import os
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)
directory = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 5


def idx(name):
    path = os.path.join(directory, name)
    if os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rb") as f:
            raw = f.read()
    else:
        with open(path, "rb") as f:
            raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * d: 8 + 4 * d], "big") for d in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


x_train = torch.from_numpy(idx("train-images-idx3-ubyte").reshape(-1, 1, 28, 28).astype(np.float32) / 255)
y_train = torch.from_numpy(idx("train-labels-idx1-ubyte").astype(np.int64))
x_test = torch.from_numpy(idx("t10k-images-idx3-ubyte").reshape(-1, 1, 28, 28).astype(np.float32) / 255)
y_test = torch.from_numpy(idx("t10k-labels-idx1-ubyte").astype(np.int64))

torch.manual_seed(seed)
model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(1568, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread, seed {seed}: "
      f"{len(x_train)} training and {len(x_test)} test images")

times = []
for epoch in range(epochs):
    start = time.perf_counter()
    order = torch.randperm(len(x_train))
    total, correct, seen = 0.0, 0, 0
    model.train()
    for b in range(0, len(order), 64):
        rows = order[b:b + 64]
        logits = model(x_train[rows])
        loss = loss_fn(logits, y_train[rows])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(rows)
        correct += (logits.argmax(1) == y_train[rows]).sum().item()
        seen += len(rows)
    times.append(time.perf_counter() - start)
    print(f"epoch {epoch + 1}/{epochs}: loss {total / seen:.4f}  accuracy {correct / seen:.4f}  {times[-1]:.1f} s")

model.eval()
with torch.no_grad():
    accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
print(f"time per epoch: {sum(times) / len(times):.1f} s (mean of {epochs}; {sum(times):.1f} s in all)")
print(f"test accuracy: {accuracy:.2%} on {len(x_test)} images")


def latency(forward):
    """Median per-image time of one image at a time, in windows of 100 images after a warm-up, as the sample times Predict."""
    with torch.no_grad():
        for i in range(2000):
            forward(x_test[i % 1000:i % 1000 + 1])
        windows = []
        for w in range(50):
            start = time.perf_counter()
            for i in range(100):
                j = (w * 100 + i) % 1000
                forward(x_test[j:j + 1])
            windows.append((time.perf_counter() - start) / 100)
    return sorted(windows)[len(windows) // 2] * 1e6


traced = torch.jit.freeze(torch.jit.trace(model, x_test[:1]))
print(f"single-image inference: {latency(model):.1f} us eager, {latency(traced):.1f} us TorchScript (median of 50 windows of 100 images)")
