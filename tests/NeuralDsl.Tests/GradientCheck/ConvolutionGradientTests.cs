using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// Generated convolution networks: the float gradient against central differences of the
/// double-precision <see cref="ReferenceNetwork"/>, which computes convolution, pooling and padding
/// from the layer table (shapes, window, strides, padding) and their textbook definitions; and the
/// inference outputs (single and batch) against the same reference.
/// </summary>
public class ConvolutionGradientTests(ITestOutputHelper output)
{
    private const int Batch = 3;

    private static readonly IReadOnlyDictionary<string, Func<int, ITrainableNetwork>> Networks =
        new Dictionary<string, Func<int, ITrainableNetwork>>
        {
            ["GradConvSameStride"] = seed => new GradConvSameStride(seed),
            ["GradConvAveragePooled"] = seed => new GradConvAveragePooled(seed),
            ["GradConv1D"] = seed => new GradConv1D(seed),
            ["GradConv1DFlatten"] = seed => new GradConv1DFlatten(seed),
            ["GradConvLooped"] = seed => new GradConvLooped(seed),
        };

    public static IEnumerable<object[]> Names => Networks.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_finite_differences(string name) =>
        output.WriteLine($"{name}: max relative gradient error {GeneratedNetworkChecks.WorstGradientError(name, new GradientCheckCase(Networks[name]), seed => Prepared(name, seed)):E2}");

    [Theory]
    [MemberData(nameof(Names))]
    public void Predictions_match_the_reference(string name)
    {
        (ITrainableNetwork net, float[] inputs, _) = Prepared(name, 7);
        GeneratedNetworkChecks.PredictionsMatchTheReference(name, net, inputs);
    }

    [Fact]
    public void Layer_table_gives_shapes_and_Keras_parameter_counts()
    {
        IReadOnlyList<LayerInfo> layers = GradConvLooped.Layers;
        Assert.Equal(TensorShape.Image(10, 10, 3), layers[0].InputShape);
        Assert.Equal(TensorShape.Image(10, 10, 8), layers[0].OutputShape);
        Assert.Equal(3 * 3 * 3 * 8 + 8, layers[0].ParameterCount);  // Keras: kh * kw * cin * cout + cout
        Assert.Equal(TensorShape.Image(5, 5, 8), layers[1].OutputShape);
        Assert.Equal(3 * 3 * 8 * 4 + 4, layers[2].ParameterCount);
        Assert.Equal(TensorShape.Vector(36), layers[3].OutputShape);
        Assert.Equal("(3, 3, 4)", layers[2].OutputShape.ToString());
        Assert.Equal(TensorShape.Sequence(3, 4), GradConv1DFlatten.Layers[0].OutputShape);
        Assert.Equal(2 * 3 * 4 + 4, GradConv1DFlatten.Layers[0].ParameterCount);
        Assert.Equal(10, GradConvLooped.InputHeight);
        Assert.Equal(3, GradConvLooped.InputChannels);
        Assert.Equal(8, GradConvLooped.Layer0Channels);
    }

    private static (ITrainableNetwork Net, float[] Inputs, float[] Targets) Prepared(string name, int seed)
    {
        ITrainableNetwork net = Networks[name](seed);
        var random = new SeededRandom(seed + 100);
        Span<float> parameters = net.Parameters;
        for (int i = 0; i < parameters.Length; i++) parameters[i] += 0.2f * (float)random.NextNormal();
        float[] inputs = GradientCheckTests.RandomInputs(ref random, Batch * net.InputSize);
        float[] targets = GradientCheckTests.TargetsFor(net, ref random);
        return (net, inputs, targets);
    }
}
