"""Writes an RTNeural JSON model of a small PyTorch network, and PyTorch's outputs on fixed inputs.

The numbers in the model and the expected outputs both come from PyTorch, not from NeuralDsl: the
test compiles the model into a network ([Network(Weights = ...)]), loads it at run time too
(LoadWeightsJson), and compares both with these outputs.

RTNeural's format (RTNeural/model_loader.h, python/model_utils.py): "in_shape" ends with the input
width; each layer has "type", "shape" (ending with its width), "weights" (Keras get_weights(): a dense
kernel [in][out], i.e. nn.Linear's weight transposed, then the bias; batchnorm gamma, beta, running
mean, running variance, plus "epsilon"; prelu [alpha]) and an optional "activation".

Run: OMP_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_rtneural_reference.py
"""
import json
import os

import torch

torch.manual_seed(20261205)
torch.set_default_dtype(torch.float32)

linear1 = torch.nn.Linear(4, 8)
batchnorm = torch.nn.BatchNorm1d(8, eps=1e-3)
linear2 = torch.nn.Linear(8, 6)
prelu = torch.nn.PReLU(num_parameters=6)
linear3 = torch.nn.Linear(6, 3)
with torch.no_grad():
    batchnorm.weight.uniform_(0.5, 1.5)
    batchnorm.bias.uniform_(-0.5, 0.5)
    batchnorm.running_mean.uniform_(-0.3, 0.3)
    batchnorm.running_var.uniform_(0.5, 2.0)
    prelu.weight.uniform_(0.05, 0.5)
model = torch.nn.Sequential(linear1, torch.nn.Tanh(), batchnorm, linear2, prelu, linear3, torch.nn.Softmax(dim=1)).eval()


def values(tensor):
    return tensor.detach().tolist()


layers = [
    # An activation folded into the dense layer, as Keras' exporter writes it.
    {"type": "dense", "activation": "tanh", "shape": [None, 8], "weights": [values(linear1.weight.T), values(linear1.bias)]},
    {"type": "batchnorm", "shape": [None, 8], "epsilon": 1e-3,
     "weights": [values(batchnorm.weight), values(batchnorm.bias), values(batchnorm.running_mean), values(batchnorm.running_var)]},
    {"type": "dense", "activation": "", "shape": [None, 6], "weights": [values(linear2.weight.T), values(linear2.bias)]},
    {"type": "prelu", "shape": [None, 6], "weights": [[values(prelu.weight)]]},
    # The same thing as a separate activation layer.
    {"type": "dense", "activation": "", "shape": [None, 3], "weights": [values(linear3.weight.T), values(linear3.bias)]},
    {"type": "activation", "activation": "softmax", "shape": [None, 3], "weights": []},
]

inputs = torch.empty(16, 4).uniform_(-2, 2)
with torch.no_grad():
    outputs = model(inputs)

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "NeuralDsl.Tests", "Embedding")
with open(os.path.join(here, "rtneural.model.json"), "w") as f:
    json.dump({"in_shape": [None, 4], "layers": layers}, f, indent=1)
    f.write("\n")
with open(os.path.join(here, "rtneural.reference.json"), "w") as f:
    json.dump({"inputs": values(inputs), "outputs": values(outputs)}, f, indent=1)
    f.write("\n")
print("wrote", here)
