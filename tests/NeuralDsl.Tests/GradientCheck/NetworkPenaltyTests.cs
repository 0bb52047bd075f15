using System;
using System.Linq;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// The run-time, network-wide penalty (<see cref="Regularization.ApplyToNetwork"/>, used by training
/// options rather than declarations) against the reference's penalty, on layers the layer table
/// describes in other ways than a plain Dense layer with biases.
/// </summary>
public class NetworkPenaltyTests
{
    private const float L1 = 0.01f, L2 = 0.02f;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Network_wide_penalty_covers_exactly_the_weights_and_biases_there_are(bool includeBiases)
    {
        // A bias-free PReLU layer (slopes straight after its weights), a bias-free output layer, and a
        // batch normalisation (no Dense parameters) with a Dense layer with biases behind it.
        foreach (ITrainableNetwork net in new ITrainableNetwork[] { new GradNoBias(seed: 1), new GradBatchNormRelu(seed: 2) })
        {
            LayerPenalty[] declared = net.Layers.Select((layer, index) => (layer, index))
                .Where(l => l.layer.Kind == LayerKind.Dense)
                .Select(l => new LayerPenalty(l.index, L1, L2, includeBiases ? L1 : 0f, includeBiases ? L2 : 0f))
                .ToArray();
            double[] p = net.Parameters.ToArray().Select(v => (double)v).ToArray();
            double expected = ReferenceNetwork.Penalty(net.Layers, declared, p);

            float[] gradients = new float[net.ParameterCount];
            float penalty = Regularization.ApplyToNetwork(net.Layers, net.Parameters, gradients, L1, L2, includeBiases);

            Assert.Equal(expected, penalty, 1e-6 * expected);
            if (!includeBiases) Assert.Equal(expected, Regularization.PenaltyOfNetwork(net.Layers, net.Parameters, L1, L2), 1e-6 * expected);
            for (int i = 0; i < p.Length; i++)
            {
                double step = 1e-4;
                double[] shifted = (double[])p.Clone();
                shifted[i] = p[i] + step;
                double plus = ReferenceNetwork.Penalty(net.Layers, declared, shifted);
                shifted[i] = p[i] - step;
                double minus = ReferenceNetwork.Penalty(net.Layers, declared, shifted);
                Assert.True(Math.Abs((plus - minus) / (2 * step) - gradients[i]) <= 1e-4,
                    $"{net.GetType().Name} parameter {i}: gradient {gradients[i]} but the reference's {(plus - minus) / (2 * step)}");
            }
        }
    }
}
