"""PyTorch's per-step time on the streaming workloads of our `streaming` mode, one thread.

Usage: OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/peers/torch_streaming.py

LSTM(1 -> 16) -> Linear(1), GRU(8 -> 32) -> Linear(1), LSTM(1 -> 40) -> Linear(1): one time step per call
through nn.LSTMCell / nn.GRUCell and nn.Linear with the state carried between calls (eager, and the same
step traced with TorchScript), timed as our mode times Step: windows of 256 steps after a warm-up;
minimum, 10th percentile and median per step, in nanoseconds.
"""
import time

import torch
from torch import nn

torch.set_num_threads(1)
torch.manual_seed(1)
WINDOW, WINDOWS = 256, 400


class Streaming(nn.Module):
    def __init__(self, kind, inputs, units):
        super().__init__()
        self.lstm = kind == "lstm"
        self.cell = nn.LSTMCell(inputs, units) if self.lstm else nn.GRUCell(inputs, units)
        self.dense = nn.Linear(units, 1)

    def forward(self, x, h, c):
        if self.lstm:
            h, c = self.cell(x, (h, c))
        else:
            h = self.cell(x, h)
        return self.dense(h), h, c


def timing(step, inputs, units):
    signal = torch.sin(0.05 * torch.arange(1024 * inputs, dtype=torch.float32)).reshape(1024, 1, inputs)
    h, c = torch.zeros(1, units), torch.zeros(1, units)
    with torch.no_grad():
        for i in range(20000):
            y, h, c = step(signal[i & 1023], h, c)
        times = []
        n = 0
        for _ in range(WINDOWS):
            start = time.perf_counter_ns()
            for _ in range(WINDOW):
                y, h, c = step(signal[n & 1023], h, c)
                n += 1
            times.append((time.perf_counter_ns() - start) / WINDOW)
    times.sort()
    return times[0], times[len(times) // 10], times[len(times) // 2]


print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread; per-step time, windows of {WINDOW} steps: min / p10 / median")
for name, kind, inputs, units in (("LSTM(1->16)->Dense(1)", "lstm", 1, 16), ("GRU(8->32)->Dense(1)", "gru", 8, 32), ("LSTM(1->40)->Dense(1)", "lstm", 1, 40)):
    model = Streaming(kind, inputs, units).eval()
    example = (torch.zeros(1, inputs), torch.zeros(1, units), torch.zeros(1, units))
    scripted = torch.jit.freeze(torch.jit.trace(model, example))
    eager = timing(model, inputs, units)
    script = timing(scripted, inputs, units)
    print(f"  {name}: eager {eager[0]:.0f} / {eager[1]:.0f} / {eager[2]:.0f} ns, TorchScript {script[0]:.0f} / {script[1]:.0f} / {script[2]:.0f} ns")
