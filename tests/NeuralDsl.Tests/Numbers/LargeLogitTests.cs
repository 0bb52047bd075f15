using System;
using System.Collections.Generic;

namespace NeuralDsl.Tests.Numbers;

// One dense layer of four units over four inputs: with identity weights and zero biases the logits are
// the inputs, so the tests set them to +-100 and +-1000 directly. Fused pairs, unfused pairs and
// FromLogits, each through the runtime paths (Predict, PredictBatch, ComputeLoss, ComputeGradients).
[Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy)]
[Dense(4, Activation.Softmax)]
public partial class LogitSoftmaxCce;

[Network(Inputs = 4, Loss = Loss.SparseCategoricalCrossEntropy)]
[Dense(4, Activation.Softmax)]
public partial class LogitSoftmaxSparse;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
[Dense(4, Activation.Sigmoid)]
public partial class LogitSigmoidBce;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
[Dense(4, Activation.Softmax)]
public partial class LogitSoftmaxBce;

[Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy)]
[Dense(4, Activation.Sigmoid)]
public partial class LogitSigmoidCce;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(4, Activation.Softmax)]
public partial class LogitSoftmaxMse;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(4, Activation.Sigmoid)]
public partial class LogitSigmoidMse;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, FromLogits = true)]
[Dense(4)]
public partial class LogitBceFromLogits;

[Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy, FromLogits = true)]
[Dense(4)]
public partial class LogitCceFromLogits;

[Network(Inputs = 4, Loss = Loss.SparseCategoricalCrossEntropy, FromLogits = true)]
[Dense(4)]
public partial class LogitSparseFromLogits;

/// <summary>Logits of +-100 and +-1000 give finite outputs, losses and gradients on every runtime path.</summary>
public class LargeLogitTests
{
    private static readonly Dictionary<string, Func<ITrainableNetwork>> Catalogue = new()
    {
        ["softmax + categorical (fused)"] = () => new LogitSoftmaxCce(),
        ["softmax + sparse (fused)"] = () => new LogitSoftmaxSparse(),
        ["sigmoid + binary (fused)"] = () => new LogitSigmoidBce(),
        ["softmax + binary"] = () => new LogitSoftmaxBce(),
        ["sigmoid + categorical"] = () => new LogitSigmoidCce(),
        ["softmax + MSE"] = () => new LogitSoftmaxMse(),
        ["sigmoid + MSE"] = () => new LogitSigmoidMse(),
        ["binary from logits"] = () => new LogitBceFromLogits(),
        ["categorical from logits"] = () => new LogitCceFromLogits(),
        ["sparse from logits"] = () => new LogitSparseFromLogits(),
    };

    public static TheoryData<string, float> Cases()
    {
        var data = new TheoryData<string, float>();
        foreach (string name in Catalogue.Keys)
        {
            data.Add(name, 100f);
            data.Add(name, 1000f);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Large_logits_give_finite_losses_and_gradients(string name, float magnitude)
    {
        ITrainableNetwork net = Catalogue[name]();
        Span<float> p = net.Parameters;
        p.Clear();
        for (int i = 0; i < 4; i++) p[i * 4 + i] = 1f; // identity weights: logits = inputs

        // Each row puts the target's class at the top, at the bottom, or in between.
        float m = magnitude;
        float[] inputs = [m, -m, m / 2, -m / 2, -m, m, 0f, -m, 0f, 0f, -m, m, -m, -m, -m, -m];
        const int Rows = 4;
        float[] targets = Targets(net, Rows);

        float[] one = new float[4], batch = new float[Rows * 4];
        for (int n = 0; n < Rows; n++)
        {
            net.Predict(inputs.AsSpan(n * 4, 4), one);
            AssertFinite(one, $"{name}: Predict row {n}");
        }
        net.PredictBatch(inputs, batch);
        AssertFinite(batch, $"{name}: PredictBatch");
        float loss = net.ComputeLoss(inputs, targets);
        Assert.True(float.IsFinite(loss), $"{name}: ComputeLoss gave {loss}");
        float trainingLoss = net.ComputeGradients(inputs, targets);
        Assert.True(float.IsFinite(trainingLoss), $"{name}: ComputeGradients gave {trainingLoss}");
        AssertFinite(net.Gradients.ToArray(), $"{name}: Gradients");
        // The loss is of the size of the logits' gaps, not clamped to something small or blown up.
        Assert.InRange(loss, 0f, 4f * m);
    }

    private static float[] Targets(ITrainableNetwork net, int rows)
    {
        float[] targets = new float[rows * net.TargetSize];
        for (int n = 0; n < rows; n++)
        {
            switch (net.Loss)
            {
                case Loss.SparseCategoricalCrossEntropy:
                    targets[n] = n % 4;
                    break;
                case Loss.CategoricalCrossEntropy:
                    targets[n * 4 + n % 4] = 1f;
                    break;
                default:
                    for (int j = 0; j < 4; j++) targets[n * 4 + j] = (n + j) % 2;
                    break;
            }
        }
        return targets;
    }

    private static void AssertFinite(float[] values, string what)
    {
        foreach (float v in values) Assert.True(float.IsFinite(v), $"{what}: {v}");
    }
}
