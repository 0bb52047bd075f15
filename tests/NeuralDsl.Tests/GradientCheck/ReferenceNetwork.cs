using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// An independent, deliberately plain double-precision interpreter of a network's layer table, in
/// training mode: the textbook formulas, no fusion, no clamping. It runs layer by layer over the whole
/// batch, because batch normalisation normalises with the batch's own statistics, which makes the loss
/// a function of the whole batch. Finite differences of its loss are the reference the generated
/// gradients are checked against.
/// </summary>
internal static partial class ReferenceNetwork
{
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;

    /// <summary>
    /// The last layer's activations, one row per sample, in training mode. Dropout at a rate above 0
    /// multiplies by the next of <paramref name="dropoutMasks"/> (one [batch * units] mask per such layer,
    /// in layer order): the masks are random, so a check fixes the ones the network drew.
    /// </summary>
    public static double[][] Forward(IReadOnlyList<LayerInfo> layers, ReadOnlySpan<double> p, ReadOnlySpan<float> inputs, IReadOnlyList<double[]>? dropoutMasks = null)
    {
        int masksUsed = 0;
        int inputSize = layers[0].Inputs, batch = inputs.Length / inputSize;
        double[][] a = new double[batch][];
        for (int n = 0; n < batch; n++)
        {
            a[n] = new double[inputSize];
            for (int i = 0; i < inputSize; i++) a[n][i] = inputs[n * inputSize + i];
        }
        foreach (LayerInfo layer in layers)
        {
            double[][] z = layer.Kind switch
            {
                LayerKind.Dense => Dense(layer, p, a),
                LayerKind.BatchNormalization => BatchNormalize(layer, p, a),
                LayerKind.Dropout => Dropout(layer, a, dropoutMasks, ref masksUsed),
                LayerKind.Activation or LayerKind.Flatten => a,
                LayerKind.Conv2D or LayerKind.Conv1D => Convolve(layer, p, a),
                LayerKind.MaxPool2D or LayerKind.MaxPool1D => Pool(layer, a, max: true),
                LayerKind.AveragePool2D or LayerKind.AveragePool1D => Pool(layer, a, max: false),
                LayerKind.GlobalAveragePooling2D or LayerKind.GlobalAveragePooling1D => GlobalAverage(layer, a),
                LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU => Recur(layer, p, a),
                LayerKind.Embedding => Embed(layer, p, a),
                _ => throw new NotSupportedException(layer.Kind.ToString()),
            };
            a = new double[batch][];
            for (int n = 0; n < batch; n++) a[n] = Activate(layer, p, z[n]);
        }
        return a;
    }

    private static double[][] Dense(LayerInfo layer, ReadOnlySpan<double> p, double[][] x)
    {
        double[][] z = new double[x.Length][];
        for (int n = 0; n < x.Length; n++)
        {
            z[n] = new double[layer.Units];
            for (int j = 0; j < layer.Units; j++)
            {
                double sum = layer.UseBias ? p[layer.BiasOffset + j] : 0;
                for (int i = 0; i < layer.Inputs; i++) sum += p[layer.WeightOffset + i * layer.Units + j] * x[n][i]; // input-major [inputs, units]
                z[n][j] = sum;
            }
        }
        return z;
    }

    /// <summary>
    /// Training-mode batch normalisation, per channel as Keras' axis -1: each channel of the
    /// channels-last sample (a vector's every unit) normalised with the mean and the biased variance of
    /// that channel over the batch and every position.
    /// </summary>
    private static double[][] BatchNormalize(LayerInfo layer, ReadOnlySpan<double> p, double[][] x)
    {
        int batch = x.Length, channels = layer.OutputShape.Channels, positions = layer.Units / channels;
        double[][] z = x.Select(_ => new double[layer.Units]).ToArray();
        for (int c = 0; c < channels; c++)
        {
            double mean = 0, variance = 0;
            for (int n = 0; n < batch; n++)
                for (int q = 0; q < positions; q++) mean += x[n][q * channels + c];
            mean /= batch * positions;
            for (int n = 0; n < batch; n++)
                for (int q = 0; q < positions; q++) variance += (x[n][q * channels + c] - mean) * (x[n][q * channels + c] - mean);
            variance /= batch * positions;
            double gamma = p[layer.WeightOffset + c], beta = p[layer.BiasOffset + c];
            for (int n = 0; n < batch; n++)
                for (int q = 0; q < positions; q++)
                    z[n][q * channels + c] = gamma * (x[n][q * channels + c] - mean) / Math.Sqrt(variance + layer.Epsilon) + beta;
        }
        return z;
    }

    /// <summary>Dropout at rate 0, the identity; at other rates <c>x * mask</c> with the given mask, since a random one has no finite difference.</summary>
    private static double[][] Dropout(LayerInfo layer, double[][] x, IReadOnlyList<double[]>? masks, ref int used)
    {
        if (layer.Rate == 0f) return x;
        if (masks is null || used == masks.Count) throw new NotSupportedException("Gradient checks need dropout at rate 0 or the mask the network drew.");
        double[] mask = masks[used++];
        return x.Select((row, n) => row.Select((v, j) => v * mask[n * layer.Units + j]).ToArray()).ToArray();
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

    /// <summary>
    /// The batch-mean loss, defined as Keras and PyTorch define it, plus the declared penalties
    /// (<c>l1 * sum|w| + l2 * sum w^2</c>, Keras' convention). With <paramref name="fromLogits"/> the
    /// outputs are logits: a cross-entropy loss first turns them into probabilities (sigmoid for binary,
    /// softmax for categorical), as Keras' <c>from_logits=True</c> does.
    /// </summary>
    public static double Loss(IReadOnlyList<LayerInfo> layers, Loss loss, double huberDelta, IReadOnlyList<LayerPenalty> penalties,
        ReadOnlySpan<double> p, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, bool fromLogits = false, IReadOnlyList<double[]>? dropoutMasks = null)
    {
        int outputSize = layers[^1].Units;
        int targetSize = loss == NeuralDsl.Loss.SparseCategoricalCrossEntropy ? 1 : outputSize;
        double[][] outputs = Forward(layers, p, inputs, dropoutMasks);
        int batch = outputs.Length;
        double total = 0;
        for (int n = 0; n < batch; n++)
        {
            double[] a = fromLogits ? Probabilities(loss, outputs[n]) : outputs[n];
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
                    NeuralDsl.Loss.BinaryCrossEntropy => -(XLogY(y[k], a[k]) + XLogY(1 - y[k], 1 - a[k])),
                    NeuralDsl.Loss.CategoricalCrossEntropy => -XLogY(y[k], a[k]),
                    NeuralDsl.Loss.SparseCategoricalCrossEntropy => k == (int)y[0] ? -Math.Log(a[k]) : 0,
                    _ => throw new NotSupportedException(loss.ToString()),
                };
            }
        }
        bool summedOverClasses = loss is NeuralDsl.Loss.CategoricalCrossEntropy or NeuralDsl.Loss.SparseCategoricalCrossEntropy;
        return total / (summedOverClasses ? batch : (double)batch * outputSize) + Penalty(layers, penalties, p);
    }

    /// <summary><c>x log y</c>, 0 where <c>x</c> is 0 (the limit, so that a target of 0 on an output of exactly 0 costs nothing).</summary>
    private static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);

    private static double[] Probabilities(Loss loss, double[] logits)
    {
        if (loss == NeuralDsl.Loss.BinaryCrossEntropy) return logits.Select(z => 1 / (1 + Math.Exp(-z))).ToArray();
        if (loss is not (NeuralDsl.Loss.CategoricalCrossEntropy or NeuralDsl.Loss.SparseCategoricalCrossEntropy)) return logits;
        double max = logits.Max();
        double[] e = logits.Select(z => Math.Exp(z - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>The declared penalties: <c>l1 * sum|w| + l2 * sum w^2</c> over each penalised layer's weights and (if it has them) biases.</summary>
    public static double Penalty(IReadOnlyList<LayerInfo> layers, IReadOnlyList<LayerPenalty> penalties, ReadOnlySpan<double> p)
    {
        double sum = 0;
        foreach (LayerPenalty penalty in penalties)
        {
            LayerInfo layer = layers[penalty.Layer];
            if (layer.IsRecurrent)
            {
                sum += RecurrentPenalty(layer, penalty, p);
                continue;
            }
            sum += Penalty(p.Slice(layer.WeightOffset, layer.Inputs * layer.Units), penalty.KernelL1, penalty.KernelL2);
            if (layer.UseBias) sum += Penalty(p.Slice(layer.BiasOffset, layer.Units), penalty.BiasL1, penalty.BiasL2);
        }
        return sum;
    }

    private static double Penalty(ReadOnlySpan<double> values, double l1, double l2)
    {
        double sum = 0;
        foreach (double w in values) sum += l1 * Math.Abs(w) + l2 * w * w;
        return sum;
    }
}

/// <summary>The penalties a gradient-check network declares on one Dense layer, repeated for the reference (which the layer table does not tell).</summary>
internal sealed record LayerPenalty(int Layer, float KernelL1 = 0f, float KernelL2 = 0f, float BiasL1 = 0f, float BiasL2 = 0f);
