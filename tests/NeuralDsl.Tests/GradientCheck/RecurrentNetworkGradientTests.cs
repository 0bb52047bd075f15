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
    public void Gradient_matches_finite_differences(string name) =>
        output.WriteLine($"{name}: max relative gradient error {GeneratedNetworkChecks.WorstGradientError(name, Networks[name], seed => Prepared(name, seed)):E2}");

    [Theory]
    [MemberData(nameof(Names))]
    public void Predictions_match_the_reference(string name)
    {
        (ITrainableNetwork net, float[] inputs, _) = Prepared(name, 7);
        GeneratedNetworkChecks.PredictionsMatchTheReference(name, net, inputs);
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
