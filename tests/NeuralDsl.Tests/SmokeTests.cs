using NeuralDsl;

namespace NeuralDsl.Tests;

[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNet;

public class ParameterCountTests
{
    [Fact]
    public void Parameter_count_is_weights_plus_biases_per_layer()
    {
        Assert.Equal(2 * 4 + 4 + 4 * 1 + 1, XorNet.ParameterCount);
        Assert.Equal(XorNet.ParameterCount, new XorNet().Parameters.Length);
    }
}
