"""Folds the JSON lines of benchmarks/peers/run.sh into one Markdown table.

Every peer's samples of one measurement, from all rounds, are pooled and their median is taken. Ratios
are always peer time / our time (for throughputs: our samples/s / peer samples/s), so a ratio above 1
means ours is faster.
"""

import json
import statistics
import sys

PEERS = [("ort", "ONNX Runtime"), ("torch", "PyTorch"), ("torchscript", "TorchScript"), ("fann", "FANN")]

ROWS = [
    ("R1", "infer-1", "R1 tiny 8-16-16-1", "inference, 1 sample"),
    ("R1", "infer-b64", "R1 tiny 8-16-16-1", "inference, batch of 64"),
    ("R1", "train-1", "R1 tiny 8-16-16-1", "train step, 1 sample (SGD, MSE)"),
    ("R2", "infer-1", "R2 mnist-mlp 784-128-64-10", "inference, 1 sample"),
    ("R2", "infer-b64", "R2 mnist-mlp 784-128-64-10", "inference, batch of 64"),
    ("R2", "train-b64-adam", "R2 mnist-mlp 784-128-64-10", "train step, batch of 64 (Adam, CE)"),
    ("R2", "epoch-b64-adam", "R2 mnist-mlp 784-128-64-10", "epoch of 60,000, batch 64 (Adam, CE) [a]"),
    ("R2", "epoch-fit", "R2 mnist-mlp 784-128-64-10", "epoch of 60,000 via Fit [b]"),
    ("R3", "infer-1", "R3 deep-narrow 32x10-1", "inference, 1 sample"),
    ("R3", "infer-b64", "R3 deep-narrow 32x10-1", "inference, batch of 64"),
    ("R3", "train-1", "R3 deep-narrow 32x10-1", "train step, 1 sample (SGD, MSE)"),
]


def load(paths):
    pooled = {}
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                record = json.loads(line)
                metric = "median_ns" if "median_ns" in record else "samples_per_s"
                key = (record["peer"], record["workload"], record["op"])
                pooled.setdefault(key, (metric, []))[1].extend(record["samples"])
    return {key: (metric, statistics.median(samples), len(samples)) for key, (metric, samples) in pooled.items()}


def show(metric, value):
    if metric == "samples_per_s":
        return f"{value:,.0f} samples/s"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if value >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value:.3g} ns"


def ratio(metric, ours, peer):
    return peer / ours if metric == "median_ns" else ours / peer


def main(paths):
    results = load(paths)
    header = ["Workload", "Operation", "ours"]
    for _, name in PEERS:
        header += [name, f"{name}/ours"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * 2 + "---:|" * (len(header) - 2))
    for workload, op, title, label in ROWS:
        ours = results.get(("ours", workload, op))
        cells = [title, label, show(ours[0], ours[1]) if ours else "—"]
        for peer, _ in PEERS:
            found = results.get((peer, workload, op))
            if found is None:
                cells += ["—", "—"]
                continue
            cells.append(show(found[0], found[1]))
            cells.append(f"{ratio(found[0], ours[1], found[1]):.2f}" if ours else "—")
        print("| " + " | ".join(cells) + " |")
    print()
    print("Times are medians per call (per batch for batch rows); a ratio is peer time / our time: above 1, ours is faster.")
    print()
    print("- [a] FANN has no mini-batches and no Adam: its row is per-sample incremental SGD (`fann_train`), timed over at most"
          " PEER_FANN_EPOCH_SECONDS of a shuffled epoch. PyTorch gathers each batch from a fresh permutation; ours shuffles"
          " the `Dataset` in place, then runs one `TrainStep` per batch.")
    print("- [b] Ours only: `Trainer.Fit(epochs: 1)`, which also validates the 60,000 samples on every call (it no longer copies them).")
    print("- ONNX Runtime (.NET, 1 intra-op and 1 inter-op thread, sequential) runs the models our ONNX export writes,"
          " through IO bindings set up once: inference only.")
    print("- FANN stand-ins: ReLU is `FANN_LINEAR_PIECE` (clamped to [0, 1]), softmax is `FANN_SIGMOID`, a batch is 64 calls of `fann_run`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
