using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using NeuralDsl;
using NeuralDsl.Interop.Onnx;
using Xunit;
using Proto = global::Onnx;

namespace NeuralDsl.Onnx.Tests;

/// <summary>Exports networks, runs the models in ONNX Runtime (one thread), and gives networks non-trivial parameters.</summary>
internal static class OnnxHarness
{
    /// <summary>How far an ONNX Runtime output may be from Predict's: the parity tests' 1e-5, relative above 1.</summary>
    public const float Tolerance = 1e-5f;

    /// <summary>Each named network with seeds 1 to 3: the cases of a parity theory.</summary>
    public static TheoryData<string, int> Cases(IEnumerable<string> names)
    {
        var cases = new TheoryData<string, int>();
        foreach (string name in names)
            for (int seed = 1; seed <= 3; seed++) cases.Add(name, seed);
        return cases;
    }

    /// <summary>Returns the largest |ours - ONNX| / max(1, |ours|), failing if it exceeds <see cref="Tolerance"/>.</summary>
    public static float Compare(ReadOnlySpan<float> ours, ReadOnlySpan<float> onnx, string what)
    {
        Assert.Equal(ours.Length, onnx.Length);
        float worst = 0f;
        for (int i = 0; i < ours.Length; i++)
        {
            Assert.True(float.IsFinite(ours[i]), $"{what}: output {i} of Predict is {ours[i]}");
            float difference = MathF.Abs(ours[i] - onnx[i]) / MathF.Max(1f, MathF.Abs(ours[i]));
            Assert.True(difference <= Tolerance, $"{what}: output {i} is {ours[i]} from Predict but {onnx[i]} from ONNX Runtime");
            worst = MathF.Max(worst, difference);
        }
        return worst;
    }

    /// <summary>The node's one attribute of that name.</summary>
    public static Proto.AttributeProto Attribute(Proto.NodeProto node, string name) => node.Attribute.Single(attribute => attribute.Name == name);

    /// <summary>
    /// Exports to memory. With NEURALDSL_ONNX_DUMP set to a directory, also keeps each model there as
    /// <c>TypeName.onnx</c>, for tests/reference/check_onnx.py (the onnx package's checker).
    /// </summary>
    public static byte[] Export(INetwork network, OnnxExportOptions? options = null)
    {
        using var stream = new MemoryStream();
        network.ExportOnnx(stream, options);
        byte[] model = stream.ToArray();
        string? dump = Environment.GetEnvironmentVariable("NEURALDSL_ONNX_DUMP");
        if (!string.IsNullOrEmpty(dump)) File.WriteAllBytes(Path.Combine(dump, network.GetType().Name + ".onnx"), model);
        return model;
    }

    public static InferenceSession Session(byte[] model)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        return new InferenceSession(model, options);
    }

    /// <summary>Runs <paramref name="batch"/> samples (row-major) through the model and returns its outputs, row-major.</summary>
    public static float[] Run(InferenceSession session, ReadOnlySpan<float> inputs, int batch, int inputSize,
        string inputName = "input", string outputName = "output")
    {
        float[] copy = inputs.ToArray();
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(copy, new long[] { batch, inputSize });
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new[] { inputName }, new[] { input }, new[] { outputName });
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Runs <paramref name="batch"/> samples of shape <paramref name="sampleShape"/> (row-major, as <c>PredictBatch</c> reads them) and returns the outputs.</summary>
    public static float[] Run(InferenceSession session, ReadOnlySpan<float> inputs, int batch, int[] sampleShape)
    {
        float[] copy = inputs.ToArray();
        var shape = new long[sampleShape.Length + 1];
        shape[0] = batch;
        for (int i = 0; i < sampleShape.Length; i++) shape[i + 1] = sampleShape[i];
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(copy, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new[] { "input" }, new[] { input }, new[] { "output" });
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Uniform values in [low, high).</summary>
    public static float[] Uniform(Random random, int count, float low, float high)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = low + (high - low) * random.NextSingle();
        return values;
    }

    /// <summary>
    /// <paramref name="batch"/> samples for <paramref name="network"/>: token ids (whole numbers in
    /// [0, vocabulary)) when its first layer is an embedding, else uniform values in [low, high).
    /// </summary>
    public static float[] Samples(INetwork network, Random random, int batch, float low, float high)
    {
        int count = batch * network.InputSize;
        if (network.Layers.Count == 0 || network.Layers[0].Kind != LayerKind.Embedding) return Uniform(random, count, low, high);
        LayerInfo embedding = network.Layers[0];
        int vocabulary = embedding.ParameterCount / embedding.OutputShape.Channels;
        var ids = new float[count];
        for (int i = 0; i < count; i++) ids[i] = random.Next(vocabulary);
        return ids;
    }

    /// <summary>
    /// Trains a few steps (so that batch normalisation's running statistics move), then shifts every
    /// parameter by up to 1 / sqrt(fan-in) and every running statistic by a random amount: biases,
    /// slopes, gamma, beta, means and variances all end up far from their initial values, and different per unit.
    /// </summary>
    public static void Randomise(INetwork network, int seed)
    {
        var random = new Random(seed);
        if (network is ITrainableNetwork trainable)
        {
            const int batch = 8;
            for (int step = 0; step < 3; step++)
                trainable.TrainStep(Samples(network, random, batch, -1f, 1f), Targets(trainable, random, batch));
        }
        foreach (LayerInfo layer in network.Layers)
        {
            // Shifts of the order of a fan-in-scaled initialisation keep pre-activations in the range
            // a trained network sees: about 1 for 5 inputs, as for 784.
            Span<float> parameters = network.Parameters.Slice(layer.ParameterOffset, layer.ParameterCount);
            float amplitude = 1f / MathF.Sqrt(layer.Inputs);
            for (int i = 0; i < parameters.Length; i++) parameters[i] += amplitude * (2f * random.NextSingle() - 1f);
            if (layer.Kind != LayerKind.BatchNormalization) continue;
            int channels = layer.StateCount / 2;
            Span<float> mean = network.State.Slice(layer.StateOffset, channels);
            Span<float> variance = network.State.Slice(layer.StateOffset + channels, channels);
            for (int j = 0; j < channels; j++)
            {
                mean[j] += 0.6f * random.NextSingle() - 0.3f;
                variance[j] *= 0.5f + 1.5f * random.NextSingle();
            }
        }
    }

    private static float[] Targets(ITrainableNetwork network, Random random, int batch)
    {
        int size = network.OutputSize;
        var targets = new float[batch * size];
        for (int n = 0; n < batch; n++)
        {
            switch (network.Loss)
            {
                case Loss.MeanSquaredError:
                    for (int j = 0; j < size; j++) targets[n * size + j] = 2f * random.NextSingle() - 1f;
                    break;
                case Loss.BinaryCrossEntropy:
                    for (int j = 0; j < size; j++) targets[n * size + j] = random.Next(2);
                    break;
                case Loss.CategoricalCrossEntropy:
                    targets[n * size + random.Next(size)] = 1f;
                    break;
                default:
                    throw new NotSupportedException($"The harness makes no targets for {network.Loss}.");
            }
        }
        return targets;
    }
}
