#!/usr/bin/env python3
"""Writes PyTorch state dicts of convolution, recurrent and embedding models that
ShapedSafetensorsReferenceTests loads into the matching generated networks.

Run from the repository root (Debian's torch is only visible to the system interpreter):

    apt-get install python3-torch libopenblas0-pthread
    OMP_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_shaped_safetensors_reference.py

Each model is a torch.nn.Sequential container (so its state dict names are "<index>.<tensor>") with
its forward written out where nn.Sequential cannot chain the modules (recurrent modules return
tuples; PyTorch's convolutions are channels-first). Weights are PyTorch's default initialisation
from a fixed seed (every bias non-zero, bias_hh included), saved as F32 with the writer of
make_safetensors_reference.py. The outputs of six fixed inputs are computed in float64 from the
float32 weights. Inputs are stored the way NeuralDsl's Predict reads them: channels-last images,
[steps, features] sequences, token ids as numbers. Files go to tests/NeuralDsl.Tests/Weights/Reference/.
"""

import json
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_safetensors_reference import OUT, read_safetensors, write_safetensors  # noqa: E402

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)


class Cnn(nn.Sequential):
    """Conv2d(2, 4, 3), ReLU, MaxPool2d(2), Flatten, Linear(36, 3) on 8 x 8 x 2 images."""

    def __init__(self):
        super().__init__(nn.Conv2d(2, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(36, 3))

    def forward(self, x):  # x: [batch, 8, 8, 2], channels-last as NeuralDsl reads it
        return super().forward(x.permute(0, 3, 1, 2))


class SequenceCnn(nn.Sequential):
    """Conv1d(3, 4, 3), Tanh, Flatten, Linear(32, 2) on sequences of 10 steps of 3 features."""

    def __init__(self):
        super().__init__(nn.Conv1d(3, 4, 3), nn.Tanh(), nn.Flatten(), nn.Linear(32, 2))

    def forward(self, x):  # x: [batch, 10, 3]
        return super().forward(x.transpose(1, 2))


class BidirectionalLstm(nn.Sequential):
    """LSTM(3, 5, bidirectional), each direction's final state, Linear(10, 2), on 6 steps."""

    def __init__(self):
        super().__init__(nn.LSTM(3, 5, batch_first=True, bidirectional=True), nn.Linear(10, 2))

    def forward(self, x):
        _, (h, _) = self[0](x)
        return self[1](torch.cat([h[0], h[1]], dim=1))


class RnnLstm(nn.Sequential):
    """RNN(2, 4) every step into LSTM(4, 3), its last state, Linear(3, 1), on 5 steps."""

    def __init__(self):
        super().__init__(nn.RNN(2, 4, batch_first=True), nn.LSTM(4, 3, batch_first=True), nn.Linear(3, 1))

    def forward(self, x):
        y, _ = self[0](x)
        _, (h, _) = self[1](y)
        return self[2](h[0])


class EmbeddingGru(nn.Sequential):
    """Embedding(10, 4), bidirectional GRU(4, 3), each direction's final state, Linear(6, 1), Sigmoid, on 7 token ids."""

    def __init__(self):
        super().__init__(nn.Embedding(10, 4), nn.GRU(4, 3, batch_first=True, bidirectional=True), nn.Linear(6, 1), nn.Sigmoid())

    def forward(self, ids):
        _, h = self[1](self[0](ids.long()))
        return self[3](self[2](torch.cat([h[0], h[1]], dim=1)))


def reference(name, model, inputs):
    model.eval()
    state = model.state_dict()
    path = os.path.join(OUT, name + ".safetensors")
    write_safetensors(path, state)
    for key, value in read_safetensors(path).items():
        assert torch.equal(value, state[key]), key
    exact = model.double()
    with torch.no_grad():
        outputs = exact(inputs if inputs.dtype == torch.int64 else inputs.double())
    model.float()
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"inputs": inputs.double().reshape(inputs.shape[0], -1).tolist(), "outputs": outputs.tolist()}, f, indent=1)
        f.write("\n")
    print("%s: %s" % (name, ", ".join("%s %s" % (k, list(v.shape)) for k, v in state.items())))


def main():
    generator = torch.Generator().manual_seed(11)
    torch.manual_seed(1)
    reference("TorchCnn", Cnn(), torch.randn(6, 8, 8, 2, generator=generator))
    torch.manual_seed(2)
    reference("TorchSequenceCnn", SequenceCnn(), torch.randn(6, 10, 3, generator=generator))
    torch.manual_seed(3)
    reference("TorchBidirectionalLstm", BidirectionalLstm(), torch.randn(6, 6, 3, generator=generator))
    torch.manual_seed(4)
    reference("TorchRnnLstm", RnnLstm(), torch.randn(6, 5, 2, generator=generator))
    torch.manual_seed(5)
    reference("TorchEmbeddingGru", EmbeddingGru(), torch.randint(0, 10, (6, 7), generator=generator))


if __name__ == "__main__":
    main()
