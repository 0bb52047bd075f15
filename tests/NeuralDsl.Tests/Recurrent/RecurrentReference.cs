using System;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>
/// The recurrent layers written out plainly in double precision from their definitions (Keras'
/// formulas, Keras' parameter layouts), one step after the other: the reference the float kernels'
/// outputs are compared with and whose central differences check their gradients.
/// </summary>
internal static class RecurrentReference
{
    /// <summary>The layer's output for one sample: every step's hidden state ([Steps, Units], or [Steps, 2 Units] bidirectional) or the last.</summary>
    public static double[] Output(RecurrentCase c, double[] x, double[] p, bool returnSequences)
    {
        int u = c.Units;
        if (!c.Bidirectional)
        {
            double[] hs = Run(c, x, p.AsSpan(), reverse: false);
            return returnSequences ? hs : hs.AsSpan((c.Steps - 1) * u, u).ToArray();
        }
        int single = c.SingleParameterCount;
        double[] forward = Run(c, x, p.AsSpan(0, single), reverse: false), backward = Run(c, x, p.AsSpan(single, single), reverse: true);
        if (!returnSequences)
        {
            double[] last = new double[2 * u];
            forward.AsSpan((c.Steps - 1) * u, u).CopyTo(last);
            backward.AsSpan(0, u).CopyTo(last.AsSpan(u));
            return last;
        }
        double[] y = new double[c.Steps * 2 * u];
        for (int t = 0; t < c.Steps; t++)
        {
            forward.AsSpan(t * u, u).CopyTo(y.AsSpan(t * 2 * u));
            backward.AsSpan(t * u, u).CopyTo(y.AsSpan(t * 2 * u + u));
        }
        return y;
    }

    /// <summary>The hidden state at each time position ([Steps, Units]), the sequence read backwards when <paramref name="reverse"/>.</summary>
    private static double[] Run(RecurrentCase c, double[] x, ReadOnlySpan<double> p, bool reverse)
    {
        int u = c.Units, n = c.Inputs, gates = c.Kind switch { RecurrentKind.Lstm => 4, RecurrentKind.Gru => 3, _ => 1 };
        int g = gates * u, kernelAt = 0, recurrentAt = n * g, biasAt = recurrentAt + u * g;
        double[] h = new double[u], cell = new double[u], hs = new double[c.Steps * u];
        for (int k = 0; k < c.Steps; k++)
        {
            int t = reverse ? c.Steps - 1 - k : k;
            // Input and recurrent products (each with its bias where the formulation keeps them apart).
            double[] xw = new double[g], hr = new double[g];
            for (int j = 0; j < g; j++)
            {
                double s = p[biasAt + j];
                for (int i = 0; i < n; i++) s += x[t * n + i] * p[kernelAt + i * g + j];
                xw[j] = s;
                double r = c.Kind == RecurrentKind.Gru && c.ResetAfter ? p[biasAt + g + j] : 0;
                for (int i = 0; i < u; i++) r += h[i] * p[recurrentAt + i * g + j];
                hr[j] = r;
            }
            double[] next = new double[u];
            for (int j = 0; j < u; j++)
            {
                switch (c.Kind)
                {
                    case RecurrentKind.SimpleRnn:
                        next[j] = Math.Tanh(xw[j] + hr[j]);
                        break;
                    case RecurrentKind.Lstm:
                        double i = Sigmoid(xw[j] + hr[j]), f = Sigmoid(xw[u + j] + hr[u + j]);
                        double cand = Math.Tanh(xw[2 * u + j] + hr[2 * u + j]), o = Sigmoid(xw[3 * u + j] + hr[3 * u + j]);
                        cell[j] = f * cell[j] + i * cand;
                        next[j] = o * Math.Tanh(cell[j]);
                        break;
                    default:
                        double z = Sigmoid(xw[j] + hr[j]), reset = Sigmoid(xw[u + j] + hr[u + j]);
                        double recurrentTerm;
                        if (c.ResetAfter) recurrentTerm = reset * hr[2 * u + j];
                        else
                        {
                            recurrentTerm = 0;
                            for (int i2 = 0; i2 < u; i2++) recurrentTerm += Sigmoid(xw[u + i2] + hr[u + i2]) * h[i2] * p[recurrentAt + i2 * g + 2 * u + j];
                        }
                        double candidate = Math.Tanh(xw[2 * u + j] + recurrentTerm);
                        next[j] = z * h[j] + (1 - z) * candidate;
                        break;
                }
            }
            h = next;
            h.CopyTo(hs, t * u);
        }
        return hs;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
