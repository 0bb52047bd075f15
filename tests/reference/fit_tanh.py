"""Coefficients of the vectorised tanh in src/Runtime/Activations.cs.

tanh(x) ~= x P(x^2) / Q(x^2), P of degree 6, Q of degree 3 with Q(0) = 1, minimising the maximum
relative error on [0, 9] (beyond 9, tanh rounds to 1 in float). The minimax problem is solved as a
sequence of linear programmes (Loeb's iteration: each weights the linearised error P - f Q by the
previous Q), on a Chebyshev grid in x, with t = x^2 scaled to [0, 1] for conditioning.

Run: /usr/bin/python3 tests/reference/fit_tanh.py   (Debian python3-numpy, python3-scipy, python3-mpmath)
Prints the coefficients, lowest degree first, and the maximum relative error in exact arithmetic
(6.6e-9); float evaluation adds a few ulp, which the runtime tests measure.
"""
import mpmath
import numpy as np
from scipy.optimize import linprog

mpmath.mp.dps = 30


def fit(dp, dq, c, n=3000, iterations=8):
    k = np.arange(n)
    x = np.concatenate([[1e-6], c * (1 - np.cos(np.pi * (k + 0.5) / n)) / 2])
    f = np.array([float(mpmath.tanh(mpmath.mpf(v)) / mpmath.mpf(v)) for v in x])  # tanh(x) / x
    t = x * x / (c * c)
    q_previous = np.ones_like(t)
    for _ in range(iterations):
        # Variables p0..p_dp, q1..q_dq, e: minimise e subject to |P(t) - f Q(t)| / (f Q_prev(t)) <= e.
        # The 1e5 scale keeps the error well above the solver's feasibility tolerance.
        rows, bounds = [], []
        for i in range(len(t)):
            w = 1e5 / (f[i] * q_previous[i])
            row = np.concatenate([t[i] ** np.arange(dp + 1) * w, -f[i] * t[i] ** np.arange(1, dq + 1) * w])
            rows += [np.append(row, -1.0), np.append(-row, -1.0)]
            bounds += [f[i] * w, -f[i] * w]
        cost = np.zeros(dp + dq + 2)
        cost[-1] = 1
        solution = linprog(cost, A_ub=np.array(rows), b_ub=np.array(bounds),
                           bounds=[(None, None)] * (dp + dq + 2), method='highs').x
        p, q = solution[:dp + 1], np.concatenate([[1.0], solution[dp + 1:dp + 1 + dq]])
        q_previous = np.polyval(q[::-1], t)
        error = np.max(np.abs(np.polyval(p[::-1], t) / q_previous / f - 1))
    scale = (c * c) ** np.arange(max(dp, dq) + 1)
    return p / scale[:dp + 1], q / scale[:dq + 1], error


p, q, error = fit(6, 3, 9.0)
print("max relative error %.3g" % error)
print("P:", ", ".join(repr(float(v)) for v in p))
print("Q:", ", ".join(repr(float(v)) for v in q))
