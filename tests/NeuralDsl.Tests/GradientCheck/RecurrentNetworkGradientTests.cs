using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// Generated recurrent networks (declared with [SimpleRNN], [LSTM], [GRU], [Embedding]): the float
/// gradient of <c>ComputeGradients</c> against central differences of the double-precision
/// <see cref="ReferenceNetwork"/>, whose recurrent layers are the plain definitions of
/// <see cref="Recurrent.RecurrentReference"/>; and Predict and PredictBatch against its outputs.
/// </summary>
public class RecurrentNetworkGradientTests(ITestOutputHelper output)
{
    private const int Batch = 3;

    private static readonly IReadOnlyDictionary<string, GradientCheckCase> Networks =
        new Dictionary<string, GradientCheckCase>
        {
            ["GradSimpleRnn"] = new(seed => new GradSimpleRnn(seed)),
            ["GradStackedLstm"] = new(seed => new GradStackedLstm(seed)),
            ["GradGruResetAfter"] = new(seed => new GradGruResetAfter(seed)),
            ["GradGruResetBefore"] = new(seed => new GradGruResetBefore(seed)),
            ["GradBidirectional"] = new(seed => new GradBidirectional(seed)),
            ["GradEmbeddingRnn"] = new(seed => new GradEmbeddingRnn(seed)) { Penalties = [new LayerPenalty(1, KernelL2: 0.01f)] },
        };

    public static IEnumerable<object[]> Names => Networks.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_finite_differences(string name)
    {
        double worst = 0;
        foreach (int seed in new[] { 1, 2, 3 })
        {
            (ITrainableNetwork net, float[] inputs, float[] targets) = Prepared(name, seed);
            (double gradientError, _) = GradientCheckTests.Check($"{name} seed {seed}", net, Networks[name], inputs, targets, 1e-3);
            worst = Math.Max(worst, gradientError);
        }
        output.WriteLine($"{name}: max relative gradient error {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Predictions_match_the_reference(string name)
    {
        (ITrainableNetwork net, float[] inputs, _) = Prepared(name, 7);
        double[] p = net.Parameters.ToArray().Select(v => (double)v).ToArray();
        double[][] expected = ReferenceNetwork.Forward(net.Layers, p, inputs);
        float[] batch = new float[Batch * net.OutputSize], single = new float[net.OutputSize];
        net.PredictBatch(inputs, batch);
        for (int n = 0; n < Batch; n++)
        {
            net.Predict(inputs.AsSpan(n * net.InputSize, net.InputSize), single);
            for (int j = 0; j < net.OutputSize; j++)
            {
                double tolerance = 1e-5 * Math.Max(1, Math.Abs(expected[n][j]));
                Assert.True(Math.Abs(single[j] - expected[n][j]) <= tolerance, $"{name} sample {n} output {j}: Predict {single[j]}, reference {expected[n][j]}");
                Assert.Equal(single[j], batch[n * net.OutputSize + j]);
            }
        }
    }

    private static (ITrainableNetwork Net, float[] Inputs, float[] Targets) Prepared(string name, int seed)
    {
        ITrainableNetwork net = Networks[name].Create(seed);
        var random = new SeededRandom(seed + 100);
        Span<float> parameters = net.Parameters;
        for (int i = 0; i < parameters.Length; i++) parameters[i] += 0.2f * (float)random.NextNormal();
        float[] inputs = GradientCheckTests.RandomInputs(ref random, Batch * net.InputSize);
        if (net.Layers[0].Kind == LayerKind.Embedding)
        {
            int vocabulary = net.Layers[0].ParameterCount / net.Layers[0].OutputShape.Channels;
            for (int i = 0; i < inputs.Length; i++) inputs[i] = random.NextInt(vocabulary);
        }
        float[] targets = GradientCheckTests.TargetsFor(net, ref random);
        return (net, inputs, targets);
    }
}
