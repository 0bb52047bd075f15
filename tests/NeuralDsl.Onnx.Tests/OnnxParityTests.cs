using System;
using System.Collections.Generic;
using Microsoft.ML.OnnxRuntime;
using NeuralDsl;
using Xunit.Abstractions;

namespace NeuralDsl.Onnx.Tests;

/// <summary>
/// The exported model, run by ONNX Runtime, gives what <c>Predict</c> and <c>PredictBatch</c> give,
/// within 1e-5 (relative above 1), for every activation and layer kind, with parameters and running
/// statistics made non-trivial first.
/// </summary>
public sealed class OnnxParityTests(ITestOutputHelper output)
{
    private const int Batch = 32;

    private static readonly Dictionary<string, Func<INetwork>> Networks = new()
    {
        ["Sigmoid"] = () => new SigmoidNet(seed: 1),
        ["Tanh"] = () => new TanhNet(seed: 1),
        ["ReLU"] = () => new ReluNet(seed: 1),
        ["LeakyReLU"] = () => new LeakyReluNet(seed: 1),
        ["ELU"] = () => new EluNet(seed: 1),
        ["SELU"] = () => new SeluNet(seed: 1),
        ["Softplus"] = () => new SoftplusNet(seed: 1),
        ["Softmax"] = () => new SoftmaxNet(seed: 1),
        ["PReLU"] = () => new PReluNet(seed: 1),
        ["Step"] = () => new StepNet(seed: 1),
        ["NoBias"] = () => new NoBiasNet(seed: 1),
        ["ActivationLayers"] = () => new ActivationLayersNet(seed: 1),
        ["StepLayer"] = () => new StepLayerNet(seed: 1),
        ["BatchNormalization"] = () => new BatchNormNet(seed: 1),
        ["Dropout"] = () => new DropoutNet(seed: 1),
        ["FromLogits"] = () => new LogitsNet(seed: 1),
        ["Wide"] = () => new WideNet(seed: 1),
    };

    public static TheoryData<string, int> Cases() => OnnxHarness.Cases(Networks.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_matches_predict(string name, int seed)
    {
        INetwork network = Networks[name]();
        OnnxHarness.Randomise(network, seed);
        var random = new Random(100 + seed);
        float[] inputs = name == "Wide"
            ? OnnxHarness.Uniform(random, Batch * network.InputSize, 0f, 1f)
            : OnnxHarness.Uniform(random, Batch * network.InputSize, -2f, 2f);

        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(network));

        var expected = new float[Batch * network.OutputSize];
        network.PredictBatch(inputs, expected);
        float worst = OnnxHarness.Compare(expected, OnnxHarness.Run(session, inputs, Batch, network.InputSize), "batch");

        var single = new float[network.OutputSize];
        for (int n = 0; n < Batch; n++)
        {
            ReadOnlySpan<float> sample = inputs.AsSpan(n * network.InputSize, network.InputSize);
            network.Predict(sample, single);
            worst = MathF.Max(worst, OnnxHarness.Compare(single, OnnxHarness.Run(session, sample, 1, network.InputSize), $"sample {n}"));
        }
        AssertOutputsVary(expected, network.OutputSize);
        output.WriteLine($"{name}, seed {seed}: worst scaled difference {worst:G3}");
    }


    // A comparison of constant outputs would prove little: the samples must not all give the same
    // outputs. (One Step output may be constant over the batch, so not every column need vary.)
    private static void AssertOutputsVary(ReadOnlySpan<float> outputs, int outputSize)
    {
        for (int i = outputSize; i < outputs.Length; i++)
            if (outputs[i] != outputs[i % outputSize]) return;
        Assert.Fail("every sample gives the same outputs");
    }
}
