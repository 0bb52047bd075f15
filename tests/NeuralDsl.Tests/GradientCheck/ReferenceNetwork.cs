using System;
using System.Collections.Generic;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// An independent, deliberately plain double-precision interpreter of a network's layer table: the
/// textbook formulas, no fusion, no clamping. Finite differences of its loss are the reference the
/// generated gradients are checked against.
/// </summary>
internal static class ReferenceNetwork
{
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;

    public static double[] Forward(IReadOnlyList<LayerInfo> layers, ReadOnlySpan<double> p, ReadOnlySpan<float> x)
    {
        double[] a = new double[x.Length];
        for (int i = 0; i < x.Length; i++) a[i] = x[i];
        foreach (LayerInfo layer in layers)
        {
            double[] z = new double[layer.Units];
            for (int j = 0; j < layer.Units; j++)
            {
                double sum = p[layer.BiasOffset + j];
                for (int i = 0; i < layer.Inputs; i++) sum += p[layer.WeightOffset + j * layer.Inputs + i] * a[i];
                z[j] = sum;
            }
            a = Activate(layer, p, z);
        }
        return a;
    }

    private static double[] Activate(LayerInfo layer, ReadOnlySpan<double> p, double[] z)
    {
        double[] a = new double[z.Length];
        if (layer.Activation == Activation.Softmax)
        {
            double max = double.NegativeInfinity, sum = 0;
            foreach (double v in z) max = Math.Max(max, v);
            for (int j = 0; j < z.Length; j++) sum += a[j] = Math.Exp(z[j] - max);
            for (int j = 0; j < z.Length; j++) a[j] /= sum;
            return a;
        }
        for (int j = 0; j < z.Length; j++)
        {
            double v = z[j], alpha = layer.Alpha;
            a[j] = layer.Activation switch
            {
                Activation.Linear => v,
                Activation.Sigmoid => 1 / (1 + Math.Exp(-v)),
                Activation.Tanh => Math.Tanh(v),
                Activation.ReLU => Math.Max(v, 0),
                Activation.LeakyReLU => v > 0 ? v : alpha * v,
                Activation.ELU => v > 0 ? v : alpha * (Math.Exp(v) - 1),
                Activation.SELU => v > 0 ? SeluScale * v : SeluScale * SeluAlpha * (Math.Exp(v) - 1),
                Activation.Softplus => Math.Log(1 + Math.Exp(v)),
                Activation.PReLU => v > 0 ? v : p[layer.SlopeOffset + j] * v,
                Activation.Step => v >= 0 ? 1 : 0,
                _ => throw new NotSupportedException(layer.Activation.ToString()),
            };
        }
        return a;
    }

    /// <summary>The batch-mean loss, defined as Keras and PyTorch define it.</summary>
    public static double Loss(IReadOnlyList<LayerInfo> layers, Loss loss, double huberDelta, ReadOnlySpan<double> p,
        ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        int inputSize = layers[0].Inputs, outputSize = layers[^1].Units;
        int targetSize = loss == NeuralDsl.Loss.SparseCategoricalCrossEntropy ? 1 : outputSize;
        int batch = inputs.Length / inputSize;
        double total = 0;
        for (int n = 0; n < batch; n++)
        {
            double[] a = Forward(layers, p, inputs.Slice(n * inputSize, inputSize));
            ReadOnlySpan<float> y = targets.Slice(n * targetSize, targetSize);
            for (int k = 0; k < outputSize; k++)
            {
                double d = a[k] - (loss == NeuralDsl.Loss.SparseCategoricalCrossEntropy ? 0 : y[k]);
                total += loss switch
                {
                    NeuralDsl.Loss.MeanSquaredError => d * d,
                    NeuralDsl.Loss.MeanAbsoluteError => Math.Abs(d),
                    NeuralDsl.Loss.Huber => Math.Abs(d) <= huberDelta ? 0.5 * d * d : huberDelta * (Math.Abs(d) - 0.5 * huberDelta),
                    NeuralDsl.Loss.Hinge => Math.Max(0, 1 - y[k] * a[k]),
                    NeuralDsl.Loss.BinaryCrossEntropy => -(y[k] * Math.Log(a[k]) + (1 - y[k]) * Math.Log(1 - a[k])),
                    NeuralDsl.Loss.CategoricalCrossEntropy => -y[k] * Math.Log(a[k]),
                    NeuralDsl.Loss.SparseCategoricalCrossEntropy => k == (int)y[0] ? -Math.Log(a[k]) : 0,
                    _ => throw new NotSupportedException(loss.ToString()),
                };
            }
        }
        bool summedOverClasses = loss is NeuralDsl.Loss.CategoricalCrossEntropy or NeuralDsl.Loss.SparseCategoricalCrossEntropy;
        return total / (summedOverClasses ? batch : (double)batch * outputSize);
    }
}
