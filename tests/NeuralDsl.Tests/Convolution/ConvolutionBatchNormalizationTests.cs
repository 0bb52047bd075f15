using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Reports;
using NeuralDsl.Tests.GradientCheck;
using NeuralDsl.Tests.Reference;
using NeuralDsl.Weights;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Convolution;

/// <summary>One network of conv_batchnorm.json (tests/reference/make_conv_batchnorm_reference.py), every array in the network's layout.</summary>
public sealed class ConvolutionBatchNormalizationCase
{
    public required string Name { get; init; }
    public required int Batch { get; init; }
    public required float Momentum { get; init; }
    public required float Epsilon { get; init; }
    public required float[] Parameters { get; init; }
    public required float[] State { get; init; }
    public required float[] Inputs { get; init; }
    public required float[] Targets { get; init; }
    public required double[] TrainingOutputs { get; init; }
    public required double Loss { get; init; }
    public required double[] Gradients { get; init; }
    public required double[] StateAfter { get; init; }
    public required double[] InferenceOutputsAfter { get; init; }

    public static IReadOnlyList<ConvolutionBatchNormalizationCase> All { get; } = JsonSerializer.Deserialize<File>(
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "conv_batchnorm.json")),
        new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!.Cases;

    private sealed class File
    {
        public required ConvolutionBatchNormalizationCase[] Cases { get; init; }
    }
}

/// <summary>
/// Batch normalisation on images and sequences, per channel over the batch and every position: the
/// generated gradient against finite differences of the double-precision <see cref="ReferenceNetwork"/>;
/// training outputs, loss, gradient, running statistics and the inference that uses them against
/// PyTorch's BatchNorm2d/BatchNorm1d; the layer table's Keras counts; the batch guard; no allocation.
/// </summary>
public class ConvolutionBatchNormalizationTests(ITestOutputHelper output)
{
    private const int Batch = 3;

    private static readonly IReadOnlyDictionary<string, Func<int, ITrainableNetwork>> Networks =
        new Dictionary<string, Func<int, ITrainableNetwork>>
        {
            ["Conv2DBatchNormRelu"] = seed => new Conv2DBatchNormRelu(seed),
            ["Conv1DBatchNormTanh"] = seed => new Conv1DBatchNormTanh(seed),
            ["InputBatchNormConv"] = seed => new InputBatchNormConv(seed),
        };

    public static IEnumerable<object[]> Names => Networks.Keys.Select(name => new object[] { name });

    public static IEnumerable<object[]> ReferenceNames => ConvolutionBatchNormalizationCase.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_finite_differences(string name) =>
        output.WriteLine($"{name}: max relative gradient error {GeneratedNetworkChecks.WorstGradientError(name, new GradientCheckCase(Networks[name]), seed => Prepared(name, seed)):E2}");

    private static (ITrainableNetwork Net, float[] Inputs, float[] Targets) Prepared(string name, int seed)
    {
        ITrainableNetwork net = Networks[name](seed);
        var random = new SeededRandom(seed + 100);
        Span<float> parameters = net.Parameters;
        for (int i = 0; i < parameters.Length; i++) parameters[i] += 0.2f * (float)random.NextNormal();
        return (net, GradientCheckTests.RandomInputs(ref random, Batch * net.InputSize), GradientCheckTests.TargetsFor(net, ref random));
    }

    [Theory]
    [MemberData(nameof(ReferenceNames))]
    public void One_training_pass_and_the_inference_after_it_match_pytorch(string name)
    {
        ConvolutionBatchNormalizationCase reference = ConvolutionBatchNormalizationCase.All.Single(c => c.Name == name);
        ITrainableNetwork net = Networks[name](1);
        LayerInfo norm = net.Layers.Single(l => l.Kind == LayerKind.BatchNormalization);
        Assert.Equal((reference.Momentum, reference.Epsilon), (norm.Momentum, norm.Epsilon));
        reference.Parameters.CopyTo(net.Parameters);
        reference.State.CopyTo(net.State);
        var comparison = new ParityComparison(name, net.Layers);

        comparison.Check("ComputeGradients loss", net.ComputeGradients(reference.Inputs, reference.Targets), reference.Loss);
        comparison.CheckBatch("TrainingOutputs", net.TrainingOutputs, reference.TrainingOutputs, net.OutputSize);
        comparison.CheckParameters("gradient", net.Gradients, reference.Gradients);
        comparison.CheckState("running statistics after the pass", net.State, reference.StateAfter);
        Assert.Equal(reference.Parameters, net.Parameters.ToArray());

        // Inference normalises with the running statistics the pass left, so no sample depends on another.
        float[] batch = new float[reference.Batch * net.OutputSize], single = new float[batch.Length];
        net.PredictBatch(reference.Inputs, batch);
        for (int n = 0; n < reference.Batch; n++)
            net.Predict(reference.Inputs.AsSpan(n * net.InputSize, net.InputSize), single.AsSpan(n * net.OutputSize, net.OutputSize));
        comparison.CheckBatch("PredictBatch after the pass", batch, reference.InferenceOutputsAfter, net.OutputSize);
        comparison.CheckBatch("Predict after the pass", single, reference.InferenceOutputsAfter, net.OutputSize);
        comparison.Report(output);
    }

    [Fact]
    public void Running_statistics_follow_Keras_momentum_over_the_batch_and_every_position()
    {
        // Conv1DBatchNormTanh normalises the 5 x 4 output of its convolution; with the convolution set to
        // the identity on the middle step of the window, channel c sees input feature c (c < 3) at steps 1..5.
        var net = new Conv1DBatchNormTanh(seed: 1);
        Span<float> p = net.Parameters;
        p.Slice(Conv1DBatchNormTanh.Layer0WeightOffset, Conv1DBatchNormTanh.Layer0BiasOffset - Conv1DBatchNormTanh.Layer0WeightOffset).Clear();
        p.Slice(Conv1DBatchNormTanh.Layer0BiasOffset, 4).Clear();
        for (int c = 0; c < 3; c++) p[Conv1DBatchNormTanh.Layer0WeightOffset + (1 * 3 + c) * 4 + c] = 1f; // kernel [1, 3, 3, 4]
        var random = new SeededRandom(5);
        float[] inputs = GradientCheckTests.RandomInputs(ref random, 4 * Conv1DBatchNormTanh.InputSize);
        float[] targets = new float[4 * Conv1DBatchNormTanh.OutputSize];

        net.ComputeGradients(inputs, targets);

        ReadOnlySpan<float> state = net.State;
        for (int c = 0; c < 4; c++)
        {
            double[] values = c == 3
                ? new double[20]
                : Enumerable.Range(0, 4).SelectMany(n => Enumerable.Range(1, 5).Select(step => (double)inputs[n * 21 + step * 3 + c])).ToArray();
            double mean = values.Average();
            double unbiased = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
            Assert.Equal(0.01 * mean, state[c], 1e-6);
            Assert.Equal(0.99 + 0.01 * unbiased, state[4 + c], 1e-6);
        }
    }

    [Fact]
    public void Layer_table_and_summary_count_four_values_per_channel_as_Keras()
    {
        IReadOnlyList<LayerInfo> layers = Conv2DBatchNormRelu.Layers;
        LayerInfo norm = layers[1];
        Assert.Equal(TensorShape.Image(3, 3, 3), norm.InputShape);
        Assert.Equal(TensorShape.Image(3, 3, 3), norm.OutputShape);
        Assert.Equal((2 * 3, 2 * 3), (norm.ParameterCount, norm.StateCount));
        Assert.Equal(norm.WeightOffset + 3, norm.BiasOffset);
        Assert.Equal(Conv2DBatchNormRelu.Layer1BiasOffset, norm.BiasOffset);
        Assert.Equal(3 * 3 * 2 * 3 + 6 + 27 * 2 + 2, Conv2DBatchNormRelu.ParameterCount);
        Assert.Equal(6, Conv2DBatchNormRelu.StateCount);
        Assert.Equal(2 * 4, Conv1DBatchNormTanh.StateCount);
        Assert.Equal(2 * 2 + 2 * 3, InputBatchNormConv.StateCount);

        // Keras: Conv2D 54, BatchNormalization 12 (gamma, beta trainable; moving mean and variance not), Dense 56.
        NetworkSummary summary = NetworkSummary.Create(new Conv2DBatchNormRelu());
        Assert.Equal([54, 12, 0, 0, 56], summary.Rows.Select(r => r.Parameters));
        Assert.Equal((116L, 6L), (summary.TrainableParameters, summary.NonTrainableParameters));
    }

    [Fact]
    public void Initial_gamma_beta_and_running_statistics_are_per_channel()
    {
        var net = new InputBatchNormConv(seed: 3);
        LayerInfo first = InputBatchNormConv.Layers[0], second = InputBatchNormConv.Layers[3];
        Assert.Equal([1f, 1f, 0f, 0f], net.Parameters.Slice(first.ParameterOffset, 4).ToArray());
        Assert.Equal([1f, 1f, 1f, 0f, 0f, 0f], net.Parameters.Slice(second.ParameterOffset, 6).ToArray());
        Assert.Equal([0f, 0f, 1f, 1f, 0f, 0f, 0f, 1f, 1f, 1f], net.State.ToArray());
    }

    [Fact]
    public void Ndw_round_trips_the_per_channel_parameters_and_running_statistics()
    {
        var trained = new Conv2DBatchNormRelu(seed: 7);
        var random = new SeededRandom(8);
        float[] inputs = GradientCheckTests.RandomInputs(ref random, 6 * Conv2DBatchNormRelu.InputSize);
        float[] targets = GradientCheckTests.RandomInputs(ref random, 6 * Conv2DBatchNormRelu.OutputSize);
        for (int step = 0; step < 3; step++) trained.TrainStep(inputs, targets);
        Assert.Contains(trained.State.ToArray(), value => value is not (0f or 1f));
        using var stream = new MemoryStream();
        trained.SaveWeights(stream);

        var loaded = new Conv2DBatchNormRelu(seed: 9);
        stream.Position = 0;
        loaded.LoadWeights(stream);

        Assert.Equal(trained.Parameters.ToArray(), loaded.Parameters.ToArray());
        Assert.Equal(trained.State.ToArray(), loaded.State.ToArray());
        float[] expected = new float[6 * Conv2DBatchNormRelu.OutputSize], actual = new float[expected.Length];
        trained.PredictBatch(inputs, expected);
        loaded.PredictBatch(inputs, actual);
        Assert.Equal(expected, actual);

        // Another architecture refuses the file and keeps its values.
        stream.Position = 0;
        var other = new Conv1DBatchNormTanh(seed: 10);
        float[] before = other.State.ToArray();
        Assert.False(other.TryLoadWeights(stream, out _));
        Assert.Equal(before, other.State.ToArray());
    }

    [Fact]
    public void Training_and_inference_allocate_nothing()
    {
        var net = new Conv2DBatchNormRelu(seed: 5);
        var random = new SeededRandom(6);
        float[] inputs = GradientCheckTests.RandomInputs(ref random, 8 * Conv2DBatchNormRelu.InputSize);
        float[] targets = new float[8 * Conv2DBatchNormRelu.OutputSize], outputs = new float[targets.Length];
        Assert.Equal(0, Allocations.PerRound(() => net.Predict(inputs.AsSpan(0, Conv2DBatchNormRelu.InputSize), outputs.AsSpan(0, Conv2DBatchNormRelu.OutputSize))));
        Assert.Equal(0, Allocations.PerRound(() => net.PredictBatch(inputs, outputs)));
        Assert.Equal(0, Allocations.PerRound(() => net.ComputeLoss(inputs, targets)));
        Assert.Equal(0, Allocations.PerRound(() => net.TrainStep(inputs, targets)));
    }
}
