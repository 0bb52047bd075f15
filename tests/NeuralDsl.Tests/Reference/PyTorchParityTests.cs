using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NeuralDsl;
using NeuralDsl.Optimizers;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Reference;

/// <summary>
/// The generated networks against PyTorch: outputs, loss, gradient and five optimiser steps (with batch
/// normalisation's running statistics and the inference that uses them), from the vectors that
/// tests/reference/make_reference.py wrote (see <see cref="ParityComparison"/> for the tolerance).
/// </summary>
public class PyTorchParityTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> AllNetworks =>
        ReferenceNetworks.ByName.Keys.Select(name => new object[] { name });

    public static IEnumerable<object[]> TrainableNetworks =>
        ReferenceNetworks.ByName.Where(pair => pair.Value() is ITrainableNetwork).Select(pair => new object[] { pair.Key });

    [Fact]
    public void Every_reference_file_has_a_network_and_every_network_a_file()
    {
        string[] files = Directory.GetFiles(ReferenceCase.Folder, "Pt*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ReferenceNetworks.ByName.Keys.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(AllNetworks))]
    public void Declaration_matches_the_reference(string name)
    {
        ReferenceCase reference = ReferenceCase.Load(name);
        INetwork net = ReferenceNetworks.ByName[name]();

        Assert.Equal(name, reference.Name);
        Assert.Equal(reference.InputSize, net.InputSize);
        Assert.Equal(
            reference.Layers.Select(l => (l.Kind, l.Units, l.Activation, l.Alpha, l.UseBias, l.Momentum, l.Epsilon)),
            net.Layers.Select(l => (l.Kind, l.Units, l.Activation, l.Alpha, l.UseBias, l.Momentum, l.Epsilon)));
        Assert.Equal(reference.Parameters.Length, net.ParameterCount);
        Assert.Equal(reference.State?.Length ?? 0, net.State.Length);
        Assert.Equal(reference.Batch * net.InputSize, reference.Inputs.Length);
        Assert.Equal(reference.Batch * net.OutputSize, reference.Outputs.Length);
        if (net is ITrainableNetwork trainable)
        {
            Assert.Equal(reference.LossFunction, trainable.Loss);
            Assert.Equal(reference.LearningRate, trainable.LearningRate);
            Assert.Equal(reference.Batch * trainable.TargetSize, reference.Targets.Length);
            AssertOptimizer(reference.Optimizer ?? ReferenceOptimizer.PlainSgd, trainable.TrainingOptimizer);
        }
        else
        {
            Assert.Equal(Loss.None, reference.LossFunction);
        }
    }

    [Theory]
    [MemberData(nameof(AllNetworks))]
    public void Outputs_match_pytorch(string name)
    {
        (ReferenceCase reference, INetwork net) = Load(name);
        var comparison = new ParityComparison(name, net.Layers);

        float[] outputs = new float[reference.Batch * net.OutputSize];
        net.PredictBatch(reference.Inputs, outputs);
        comparison.CheckBatch("PredictBatch outputs", outputs, reference.Outputs, net.OutputSize);

        float[] single = new float[outputs.Length];
        for (int n = 0; n < reference.Batch; n++)
            net.Predict(reference.Inputs.AsSpan(n * net.InputSize, net.InputSize), single.AsSpan(n * net.OutputSize, net.OutputSize));
        comparison.CheckBatch("Predict outputs", single, reference.Outputs, net.OutputSize);

        comparison.Report(output);
    }

    [Theory]
    [MemberData(nameof(TrainableNetworks))]
    public void Loss_and_gradient_match_pytorch(string name)
    {
        (ReferenceCase reference, INetwork inference) = Load(name);
        var net = (ITrainableNetwork)inference;
        var comparison = new ParityComparison(name, net.Layers);
        double expectedLoss = reference.Loss ?? throw new InvalidDataException($"{name}.json has no loss.");

        // With batch normalisation, ComputeLoss is in inference mode (running statistics) and
        // ComputeGradients in training mode (batch statistics); otherwise the two are the same loss.
        comparison.Check("ComputeLoss", net.ComputeLoss(reference.Inputs, reference.Targets), reference.InferenceLoss ?? expectedLoss);
        comparison.Check("ComputeGradients loss", net.ComputeGradients(reference.Inputs, reference.Targets), expectedLoss);
        comparison.CheckParameters("gradient", net.Gradients, reference.Gradients!);
        comparison.CheckBatch("TrainingOutputs", net.TrainingOutputs, reference.TrainingOutputs ?? reference.Outputs, net.OutputSize);
        Assert.Equal(reference.Parameters, net.Parameters.ToArray());

        comparison.Report(output);
    }

    [Theory]
    [MemberData(nameof(TrainableNetworks))]
    public void Five_optimizer_steps_match_pytorch(string name)
    {
        (ReferenceCase reference, INetwork inference) = Load(name);
        var net = (ITrainableNetwork)inference;
        var comparison = new ParityComparison(name, net.Layers);
        double[] stepLosses = reference.StepLosses ?? throw new InvalidDataException($"{name}.json has no step losses.");
        Assert.Equal(reference.Steps, stepLosses.Length);
        Assert.True(reference.ParametersAfterEachStep is null || reference.ParametersAfterEachStep.Length == reference.Steps);

        for (int step = 0; step < reference.Steps; step++)
        {
            comparison.Check($"TrainStep {step + 1} loss", net.TrainStep(reference.Inputs, reference.Targets), stepLosses[step]);
            if (reference.ParametersAfterEachStep is { } trajectory)
                comparison.CheckParameters($"parameters after step {step + 1}", net.Parameters, trajectory[step]);
        }
        comparison.CheckParameters($"parameters after {reference.Steps} steps", net.Parameters, reference.ParametersAfter!);

        if (reference.StateAfter is { } stateAfter)
        {
            comparison.CheckState($"running statistics after {reference.Steps} steps", net.State, stateAfter);

            // Inference with the trained parameters and running statistics, against PyTorch in eval mode.
            double[] outputsAfter = reference.OutputsAfter ?? throw new InvalidDataException($"{name}.json has no outputs after training.");
            float[] outputs = new float[reference.Batch * net.OutputSize];
            net.PredictBatch(reference.Inputs, outputs);
            comparison.CheckBatch("PredictBatch outputs after training", outputs, outputsAfter, net.OutputSize);
            for (int n = 0; n < reference.Batch; n++)
                net.Predict(reference.Inputs.AsSpan(n * net.InputSize, net.InputSize), outputs.AsSpan(n * net.OutputSize, net.OutputSize));
            comparison.CheckBatch("Predict outputs after training", outputs, outputsAfter, net.OutputSize);
            double lossAfter = reference.InferenceLossAfter ?? throw new InvalidDataException($"{name}.json has no inference loss after training.");
            comparison.Check("ComputeLoss after training", net.ComputeLoss(reference.Inputs, reference.Targets), lossAfter);
        }

        comparison.Report(output);
    }

    /// <summary>
    /// The declared networks between them exercise every activation and loss, both fused and unfused
    /// output/loss pairs, and the shapes the issue asks for, so that a network dropped from the
    /// script cannot silently shrink the coverage.
    /// </summary>
    [Fact]
    public void References_cover_every_activation_and_loss()
    {
        var cases = ReferenceNetworks.ByName.Select(pair => (Net: pair.Value(), Reference: ReferenceCase.Load(pair.Key))).ToList();
        var trainable = cases.Where(c => c.Net is ITrainableNetwork).Select(c => (Net: (ITrainableNetwork)c.Net, c.Reference)).ToList();
        var hidden = trainable.SelectMany(c => c.Net.Layers.Take(c.Net.Layers.Count - 1)).ToList();

        foreach (Activation activation in Enum.GetValues<Activation>().Except([Activation.Softmax, Activation.Step]))
            Assert.Contains(hidden, layer => layer.Activation == activation);
        Assert.Contains(cases, c => c.Net.Layers[0].Activation == Activation.Step);
        Assert.Contains(cases, c => c.Net.Layers[^1].Activation == Activation.Step);

        foreach (Loss loss in Enum.GetValues<Loss>().Except([Loss.None]))
            Assert.Contains(trainable, c => c.Net.Loss == loss);
        (Activation, Loss)[] outputAndLoss =
        [
            (Activation.Sigmoid, Loss.BinaryCrossEntropy), (Activation.Softmax, Loss.BinaryCrossEntropy),
            (Activation.Softmax, Loss.CategoricalCrossEntropy), (Activation.Sigmoid, Loss.CategoricalCrossEntropy),
            (Activation.Softmax, Loss.SparseCategoricalCrossEntropy), (Activation.Sigmoid, Loss.SparseCategoricalCrossEntropy),
        ];
        foreach ((Activation activation, Loss loss) in outputAndLoss)
            Assert.Contains(trainable, c => c.Net.Layers[^1].Activation == activation && c.Net.Loss == loss);

        Assert.Contains(trainable, c => c.Net.Loss == Loss.Huber && c.Reference.HuberDelta != 1f);
        Assert.Contains(hidden, layer => layer.Activation == Activation.LeakyReLU && layer.Alpha != 0.01f);
        Assert.Contains(hidden, layer => layer.Activation == Activation.ELU && layer.Alpha != 1f);
        Assert.Contains(trainable, c => c.Net.Layers.Count >= 3);
        Assert.Contains(trainable, c => c.Reference.Batch >= 5);

        // Batch normalisation at Keras' defaults and away from them, twice in one network (the state
        // layout), behind a bias-free Dense layer on the looped path.
        var layers = trainable.SelectMany(c => c.Net.Layers).ToList();
        Assert.Contains(layers, l => l.Kind == LayerKind.BatchNormalization && l.Momentum == 0.99f && l.Epsilon == 1e-3f);
        Assert.Contains(layers, l => l.Kind == LayerKind.BatchNormalization && l.Momentum != 0.99f && l.Epsilon != 1e-3f);
        Assert.Contains(trainable, c => c.Net.Layers.Count(l => l.Kind == LayerKind.BatchNormalization) >= 2);
        Assert.Contains(layers, l => l.Kind == LayerKind.Dense && !l.UseBias && l.Inputs * l.Units > 256);
        Assert.Contains(layers, l => l.Kind == LayerKind.Dense && !l.UseBias && l.Inputs * l.Units <= 256);

        // Activation layers: one with learned PReLU slopes, and a softmax output after a linear Dense,
        // fused with categorical cross-entropy.
        Assert.Contains(layers, l => l.Kind == LayerKind.Activation && l.Activation == Activation.PReLU);
        Assert.Contains(trainable, c => c.Net.Layers[^1] is { Kind: LayerKind.Activation, Activation: Activation.Softmax } && c.Net.Loss == Loss.CategoricalCrossEntropy);

        // Declared optimisers, with their hyperparameters, and every declared penalty.
        Assert.Contains(trainable, c => c.Net.TrainingOptimizer is Sgd { Momentum: > 0f, Nesterov: true });
        Assert.Contains(trainable, c => c.Net.TrainingOptimizer is Adam { WeightDecay: > 0f });
        Assert.Contains(trainable, c => c.Net.TrainingOptimizer is AdamW { WeightDecay: > 0f });
        var referenceLayers = trainable.SelectMany(c => c.Reference.Layers).ToList();
        Assert.Contains(referenceLayers, l => l.KernelL1 > 0f);
        Assert.Contains(referenceLayers, l => l.KernelL2 > 0f);
        Assert.Contains(referenceLayers, l => l.BiasL1 > 0f);
        Assert.Contains(referenceLayers, l => l.BiasL2 > 0f);
    }

    /// <summary>The network's optimiser is the declared one, with the reference's hyperparameters.</summary>
    private static void AssertOptimizer(ReferenceOptimizer expected, IOptimizer actual)
    {
        switch (actual)
        {
            case Sgd sgd:
                Assert.Equal(Optimizer.Sgd, expected.Kind);
                Assert.Equal((expected.Momentum, expected.Nesterov, expected.WeightDecay), (sgd.Momentum, sgd.Nesterov, sgd.WeightDecay));
                Assert.Equal(0f, sgd.Dampening);
                break;
            case Adam adam:
                Assert.Equal(Optimizer.Adam, expected.Kind);
                Assert.Equal((expected.Beta1, expected.Beta2, expected.Epsilon, expected.WeightDecay), (adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay));
                Assert.False(adam.AmsGrad);
                break;
            case AdamW adamW:
                Assert.Equal(Optimizer.AdamW, expected.Kind);
                Assert.Equal((expected.Beta1, expected.Beta2, expected.Epsilon, expected.WeightDecay), (adamW.Beta1, adamW.Beta2, adamW.Epsilon, adamW.WeightDecay));
                Assert.False(adamW.AmsGrad);
                break;
            default:
                Assert.Fail($"The reference declares {expected.Kind} but the network trains with {actual.GetType().Name}.");
                break;
        }
    }

    /// <summary>The network with the reference's parameters and state copied in.</summary>
    private static (ReferenceCase Reference, INetwork Net) Load(string name)
    {
        ReferenceCase reference = ReferenceCase.Load(name);
        INetwork net = ReferenceNetworks.ByName[name]();
        Assert.Equal(reference.Parameters.Length, net.ParameterCount);
        reference.Parameters.CopyTo(net.Parameters);
        float[] state = reference.State ?? [];
        Assert.Equal(state.Length, net.State.Length);
        state.CopyTo(net.State);
        return (reference, net);
    }
}

/// <summary>
/// Compares float32 results with PyTorch's float64 references, collecting every mismatch (rather than
/// stopping at the first) and the worst error of each quantity.
/// </summary>
/// <remarks>
/// Entry-wise test, <c>|actual_i - expected_i| &lt;= Tolerance * max(|expected_i|, Floor * max_j |expected_j|)</c>
/// over the entries j of the same quantity (a scalar is simply relative). Relative 1e-5 is about a
/// hundred float32 roundings (u = 2^-24 each): room for the sums of a forward pass, a batch of
/// gradients and five SGD steps, while a wrong formula, index or constant misses by far more. The
/// floor exists because rounding errors of a sum scale with its terms, not with its result: an entry
/// that is small only because terms of the size of the quantity's largest entries cancel (an output
/// near 0, a weight gradient summed over a batch) carries their absolute error, a few u times that
/// size. So entries under a tenth of the largest are held to 1e-6 of the largest (about 17 u), not to
/// 1e-5 of themselves, which would test float32 noise: with a floor of 1e-2 instead, a gradient entry
/// of PtWideSigmoidMse already reaches two thirds of the bound with an absolute error of about one u of
/// its quantity's largest entry, the best float32 can do.
/// </remarks>
public sealed class ParityComparison(string network, IReadOnlyList<LayerInfo> layers)
{
    public const double Tolerance = 1e-5;
    public const double Floor = 0.1;
    private const int MismatchesShown = 20;

    private readonly List<string> _mismatches = [];
    private readonly List<(string Quantity, double Worst)> _worst = [];

    /// <summary>The error of one entry, relative to its magnitude or to the quantity's <paramref name="scale"/> (its largest magnitude).</summary>
    public static double Error(double actual, double expected, double scale) =>
        Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), Floor * scale);

    /// <summary>Compares a scalar.</summary>
    public void Check(string quantity, float actual, double expected) => Check(quantity, [actual], [expected], describe: null);

    /// <summary>Compares a batch of values, laid out [samples, values per sample].</summary>
    public void CheckBatch(string quantity, ReadOnlySpan<float> actual, IReadOnlyList<double> expected, int perSample) =>
        Check(quantity, actual, expected, i => $"sample {i / perSample}, value {i % perSample}");

    /// <summary>Compares values laid out like the parameter span, naming the layer and role of each mismatch.</summary>
    public void CheckParameters(string quantity, ReadOnlySpan<float> actual, IReadOnlyList<double> expected) =>
        Check(quantity, actual, expected, DescribeParameter);

    /// <summary>Compares values laid out like the state span (batch normalisation's running statistics).</summary>
    public void CheckState(string quantity, ReadOnlySpan<float> actual, IReadOnlyList<double> expected) =>
        Check(quantity, actual, expected, DescribeState);

    private void Check(string quantity, ReadOnlySpan<float> actual, IReadOnlyList<double> expected, Func<int, string>? describe)
    {
        if (actual.Length != expected.Count)
        {
            _mismatches.Add($"{quantity}: {actual.Length} values but the reference has {expected.Count}");
            return;
        }
        double scale = expected.Max(Math.Abs), worst = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            // Exact matches short-circuit so that an all-zero quantity (scale 0) needs no division.
            double error = actual[i] == expected[i] ? 0 : Error(actual[i], expected[i], scale);
            // Negated so that a NaN error (a NaN result) fails.
            if (!(error <= Tolerance))
            {
                string where = describe is null ? "" : $" [{i}: {describe(i)}]";
                _mismatches.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{quantity}{where}: {actual[i]:R} but PyTorch {expected[i]:R} (error {error:E2})"));
            }
            worst = double.IsNaN(error) ? double.PositiveInfinity : Math.Max(worst, error);
        }
        _worst.Add((quantity, worst));
    }

    /// <summary>Writes the worst error of each quantity, then fails if anything was out of tolerance.</summary>
    public void Report(ITestOutputHelper output)
    {
        foreach ((string quantity, double worst) in _worst)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{network} {quantity}: max relative error {worst:E2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{network}: max relative error {_worst.Max(w => w.Worst):E2}"));
        if (_mismatches.Count == 0) return;
        string shown = string.Join(Environment.NewLine, _mismatches.Take(MismatchesShown));
        string more = _mismatches.Count > MismatchesShown ? $"{Environment.NewLine}... and {_mismatches.Count - MismatchesShown} more" : "";
        Assert.Fail($"{network}: {_mismatches.Count} values differ from PyTorch by more than {Tolerance:E0} relative:{Environment.NewLine}{shown}{more}");
    }

    private string DescribeParameter(int index)
    {
        for (int l = 0; l < layers.Count; l++)
        {
            LayerInfo layer = layers[l];
            if (index < layer.ParameterOffset || index >= layer.ParameterOffset + layer.ParameterCount) continue;
            if (layer.Kind == LayerKind.BatchNormalization)
                return index < layer.BiasOffset ? $"layer {l} gamma {index - layer.WeightOffset}" : $"layer {l} beta {index - layer.BiasOffset}";
            if (layer.Activation == Activation.PReLU && index >= layer.SlopeOffset)
                return $"layer {l} PReLU slope {index - layer.SlopeOffset}";
            if (index < layer.BiasOffset)
            {
                int weight = index - layer.WeightOffset;
                return $"layer {l} weight [{weight / layer.Inputs}, {weight % layer.Inputs}]";
            }
            return $"layer {l} bias {index - layer.BiasOffset}";
        }
        return "beyond the last layer";
    }

    private string DescribeState(int index)
    {
        for (int l = 0; l < layers.Count; l++)
        {
            LayerInfo layer = layers[l];
            if (index < layer.StateOffset || index >= layer.StateOffset + layer.StateCount) continue;
            int unit = index - layer.StateOffset, channels = layer.StateCount / 2;
            return unit < channels ? $"layer {l} running mean {unit}" : $"layer {l} running variance {unit - channels}";
        }
        return "beyond the last layer";
    }
}
