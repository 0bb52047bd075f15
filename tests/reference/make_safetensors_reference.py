#!/usr/bin/env python3
"""Writes the PyTorch safetensors files that SafetensorsReferenceTests loads into generated networks.

Run from the repository root (Debian's torch is only visible to the system interpreter):

    apt-get install python3-torch libopenblas0-pthread
    OMP_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_safetensors_reference.py

The Python safetensors package is not in Debian, so this script writes the format itself from its
published specification: an 8-byte little-endian header length N, N bytes of JSON (name -> dtype,
shape, data_offsets relative to the data buffer; optional "__metadata__" of strings), padded with
spaces, then the little-endian tensor bytes, contiguous, in offset order.

For each model below it trains a torch.nn.Sequential for a few Adam steps (batch normalisation's
running statistics move, dropout masks are drawn), switches to eval mode, and writes to
tests/NeuralDsl.Tests/Weights/Reference/:

- <name>.safetensors: model.state_dict() in F32 (num_batches_tracked as I64);
- <name>.json: fixed inputs and the eval-mode outputs, computed in float64 from the float32
  weights (a float64 copy of the model), so they are the exact math that float32 code approaches;
- for the first model, the same state dict as F16, BF16 and F64 (<name>_f16.safetensors, ...), and
  for each the F32 file of what torch's own conversion to float32 gives (<name>_f16_as_f32.safetensors):
  loading the first must give exactly the second. The F64 tensors are the float32 weights times
  (1 + 1e-7 u), u uniform in [-1, 1] (about one float32 ulp), so that the conversion has to round, to
  the original value or a neighbour.

It then checks the other direction: TorchBatchNorm_written_by_neuraldsl.safetensors (committed; what
the C# test SafetensorsReferenceTests writes after loading TorchBatchNorm.safetensors, compared
byte for byte there) must load into the PyTorch model with load_state_dict(strict=True) and give
the same tensors and outputs, num_batches_tracked aside (NeuralDsl writes 0).
"""

import json
import os
import struct

import torch
import torch.nn as nn

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "NeuralDsl.Tests", "Weights", "Reference")

DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.float64: "F64", torch.int64: "I64"}


def tensor_bytes(t):
    t = t.detach().contiguous().cpu()
    # view as same-width integers, whose numpy bytes are the raw little-endian bits (this machine is little-endian)
    as_int = {2: torch.int16, 4: torch.int32, 8: torch.int64}[t.element_size()]
    data = t.view(as_int).numpy().astype("<i%d" % t.element_size()).tobytes()
    assert len(data) == t.numel() * t.element_size()
    return data


def write_safetensors(path, tensors):
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in tensors.items():
        data = tensor_bytes(t)
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def read_safetensors(path):
    """The reader's side of the spec, to check what was written (and files written by the C# side)."""
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    header.pop("__metadata__", None)
    buffer = raw[8 + n:]
    names = {v: k for k, v in DTYPES.items()}
    result = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        dtype = names[info["dtype"]]
        as_int = {2: torch.int16, 4: torch.int32, 8: torch.int64}[torch.tensor([], dtype=dtype).element_size()]
        ints = torch.frombuffer(bytearray(buffer[begin:end]), dtype=as_int) if end > begin else torch.zeros(0, dtype=as_int)
        result[name] = ints.view(dtype).reshape(info["shape"]).clone()
    return result


def train(model, inputs, outputs, steps, seed):
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    model.train()
    for _ in range(steps):
        x = torch.randn(16, inputs, generator=generator)
        y = torch.randn(16, outputs, generator=generator)
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()
    model.eval()


def reference(name, model, inputs, outputs, seed):
    torch.manual_seed(seed)
    train(model, inputs, outputs, steps=20, seed=seed)
    state = model.state_dict()
    path = os.path.join(OUT, name + ".safetensors")
    write_safetensors(path, state)
    for key, value in read_safetensors(path).items():
        assert torch.equal(value, state[key]), key
    x = torch.randn(6, inputs, generator=torch.Generator().manual_seed(seed + 1))
    exact = model.double()
    with torch.no_grad():
        y = exact(x.double())
    model.float()
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"inputs": x.double().tolist(), "outputs": y.tolist()}, f, indent=1)
        f.write("\n")
    return state


def conversions(name, state):
    generator = torch.Generator().manual_seed(7)
    for suffix, dtype in (("f16", torch.float16), ("bf16", torch.bfloat16), ("f64", torch.float64)):
        converted = {}
        for key, value in state.items():
            if not value.is_floating_point():
                converted[key] = value
            elif dtype == torch.float64:
                u = torch.rand(value.shape, generator=generator, dtype=torch.float64) * 2 - 1
                converted[key] = value.double() * (1 + 1e-7 * u)
            else:
                converted[key] = value.to(dtype)
        write_safetensors(os.path.join(OUT, "%s_%s.safetensors" % (name, suffix)), converted)
        as_f32 = {k: (v.float() if v.is_floating_point() else v) for k, v in converted.items()}
        write_safetensors(os.path.join(OUT, "%s_%s_as_f32.safetensors" % (name, suffix)), as_f32)


def check_neuraldsl_file(name, model, inputs):
    path = os.path.join(OUT, name + "_written_by_neuraldsl.safetensors")
    if not os.path.exists(path):
        print("skipped: %s is not there yet (the C# test writes it)" % path)
        return
    expected = {k: v.clone() for k, v in model.state_dict().items()}
    x = torch.randn(6, inputs, generator=torch.Generator().manual_seed(99))
    with torch.no_grad():
        before = model(x)
    model.load_state_dict(read_safetensors(path), strict=True)
    for key, value in model.state_dict().items():
        if not key.endswith("num_batches_tracked"):
            assert torch.equal(value, expected[key]), key
    with torch.no_grad():
        assert torch.equal(model(x), before)
    print("PyTorch loads %s: same tensors and outputs" % os.path.basename(path))


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(1)
    batch_norm = nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), nn.BatchNorm1d(8, eps=1e-5, momentum=0.1), nn.Linear(8, 6), nn.Tanh(), nn.Linear(6, 3))
    state = reference("TorchBatchNorm", batch_norm, 4, 3, seed=11)
    conversions("TorchBatchNorm", state)
    check_neuraldsl_file("TorchBatchNorm", batch_norm, 4)
    torch.manual_seed(2)
    prelu = nn.Sequential(nn.Linear(3, 5), nn.PReLU(5), nn.Dropout(0.2), nn.Linear(5, 2), nn.Sigmoid())
    reference("TorchPReluDropout", prelu, 3, 2, seed=12)


if __name__ == "__main__":
    main()
