"""PyTorch side of the peer comparison (benchmarks/peers/run.sh): the R1-R3 workloads on one CPU thread.

Prints one JSON line per measurement, by the protocol of the other peers: warm up for PEER_WARMUP
seconds (1), then PEER_REPEATS (3) loops each running for at least PEER_SECONDS (0.5) in chunks of
about a millisecond, median time per call; an epoch is timed whole PEER_EPOCHS (2) times after 20
warm-up batches. Run with OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 (Debian's torch).
"""

import json
import os
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

BATCH = 64
MNIST_SAMPLES = 60_000
SMALL_SAMPLES = 64
FEATURE_SEED, TARGET_SEED = 1, 2


def setting(name, fallback):
    try:
        value = float(os.environ.get(name, ""))
        return value if value > 0 else fallback
    except ValueError:
        return fallback


WARMUP = setting("PEER_WARMUP", 1.0)
SECONDS = setting("PEER_SECONDS", 0.5)
REPEATS = int(setting("PEER_REPEATS", 3))
EPOCHS = int(setting("PEER_EPOCHS", 2))


# The hash of SyntheticData.cs (lowbias32 over a Weyl sequence), vectorised over 64-bit integers.
def hash32(count, seed):
    h = (np.arange(count, dtype=np.uint64) * np.uint64(2654435761) + np.uint64(seed * 2246822519)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(0x7FEB352D)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(15)
    h = (h * np.uint64(0x846CA68B)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(16)
    return h


def unit(count, seed):
    return ((hash32(count, seed) >> np.uint64(8)).astype(np.float64) * 2.0 ** -24).astype(np.float32)


def regression(samples, features):
    x = 2 * unit(samples * features, FEATURE_SEED) - 1
    y = 2 * unit(samples, TARGET_SEED) - 1
    return torch.from_numpy(x.reshape(samples, features)), torch.from_numpy(y.reshape(samples, 1))


def classification(samples, features, classes):
    x = unit(samples * features, FEATURE_SEED).reshape(samples, features)
    labels = (hash32(samples, TARGET_SEED) % np.uint64(classes)).astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(labels)


def emit(peer, workload, op, metric, samples):
    print(json.dumps({"peer": peer, "workload": workload, "op": op, metric: statistics.median(samples), "samples": samples}), flush=True)


def measure(peer, workload, op, call):
    start = time.perf_counter()
    calls = 0
    while time.perf_counter() - start < WARMUP:
        call()
        calls += 1
    chunk = max(1, int(1e-3 / ((time.perf_counter() - start) / calls)))
    samples = []
    for _ in range(REPEATS):
        calls = 0
        start = time.perf_counter_ns()
        while True:
            for _ in range(chunk):
                call()
            calls += chunk
            elapsed = time.perf_counter_ns() - start
            if elapsed >= SECONDS * 1e9:
                break
        samples.append(elapsed / calls)
    emit(peer, workload, op, "median_ns", samples)


class Cycle:
    """Hands out the rows of a list in turn, like the other peers' sample counters."""

    def __init__(self, items):
        self.items = items
        self.next = 0

    def take(self):
        self.next = (self.next + 1) % len(self.items)
        return self.items[self.next]


def inference(workload, model, rows, batch):
    model.eval()
    singles = Cycle([rows[i:i + 1] for i in range(BATCH)])
    with torch.no_grad():
        measure("torch", workload, "infer-1", lambda: model(singles.take()))
        measure("torch", workload, "infer-b64", lambda: model(batch))
        scripted = torch.jit.freeze(torch.jit.script(model))
        measure("torchscript", workload, "infer-1", lambda: scripted(singles.take()))
        measure("torchscript", workload, "infer-b64", lambda: scripted(batch))
    model.train()


def sgd_single_step(workload, model, x, y):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    pairs = Cycle([(x[i:i + 1], y[i:i + 1]) for i in range(BATCH)])

    def step():
        features, target = pairs.take()
        optimizer.zero_grad(set_to_none=True)
        loss = F.mse_loss(model(features), target)
        loss.backward()
        optimizer.step()
        return loss

    measure("torch", workload, "train-1", step)


def tanh_stack(inputs, widths):
    layers = []
    for width in widths:
        layers += [nn.Linear(inputs, width), nn.Tanh()]
        inputs = width
    return nn.Sequential(*layers, nn.Linear(inputs, 1))


def r1():
    model = tanh_stack(8, [16, 16])
    x, y = regression(SMALL_SAMPLES, 8)
    inference("R1", model, x, x)
    sgd_single_step("R1", model, x, y)


def r3():
    model = tanh_stack(32, [32] * 10)
    x, y = regression(SMALL_SAMPLES, 32)
    inference("R3", model, x, x)
    sgd_single_step("R3", model, x, y)


def r2():
    logits = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    x, labels = classification(MNIST_SAMPLES, 784, 10)
    inference("R2", nn.Sequential(logits, nn.Softmax(dim=1)), x, x[:BATCH])

    optimizer = torch.optim.Adam(logits.parameters(), lr=1e-3)

    def step(features, target):
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(logits(features), target)
        loss.backward()
        optimizer.step()
        return loss

    batches = Cycle([(x[b * BATCH:(b + 1) * BATCH], labels[b * BATCH:(b + 1) * BATCH]) for b in range(MNIST_SAMPLES // BATCH)])
    measure("torch", "R2", "train-b64-adam", lambda: step(*batches.take()))

    # One epoch as a PyTorch user writes it: a fresh permutation, then a gathered batch per step.
    logits = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    optimizer = torch.optim.Adam(logits.parameters(), lr=1e-3)
    for b in range(20):
        step(*batches.take())
    generator = torch.Generator().manual_seed(7)
    samples = []
    for _ in range(EPOCHS):
        start = time.perf_counter()
        order = torch.randperm(MNIST_SAMPLES, generator=generator)
        for b in range(0, MNIST_SAMPLES, BATCH):
            index = order[b:b + BATCH]
            step(x.index_select(0, index), labels.index_select(0, index))
        samples.append(MNIST_SAMPLES / (time.perf_counter() - start))
    emit("torch", "R2", "epoch-b64-adam", "samples_per_s", samples)


def main():
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)
    r1()
    r2()
    r3()
    return 0


if __name__ == "__main__":
    sys.exit(main())
