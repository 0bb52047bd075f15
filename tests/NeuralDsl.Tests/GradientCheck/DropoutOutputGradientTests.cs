using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// Dropout after the output layer (ND403 warns, the network is generated): the loss must read the
/// dropped-out outputs, with the gradient back through the mask and then the output activation, not a
/// softmax or sigmoid fused with the cross-entropy. The mask is random, so each check first reads the
/// mask from a training call (<see cref="ITrainableNetwork.TrainingOutputs"/> against the inference
/// outputs, which dropout leaves unchanged), then resets the network so that the same mask is drawn
/// again, and compares that call's gradient with finite differences of the reference under that mask.
/// </summary>
public class DropoutOutputGradientTests(ITestOutputHelper output)
{
    private const int Batch = 3;

    private static readonly IReadOnlyDictionary<string, Func<int, ITrainableNetwork>> Networks =
        new Dictionary<string, Func<int, ITrainableNetwork>>
        {
            ["GradSoftmaxDropoutCce"] = seed => new GradSoftmaxDropoutCce(seed),
            ["GradSoftmaxDropoutSparseCce"] = seed => new GradSoftmaxDropoutSparseCce(seed),
            ["GradSoftmaxDropoutMse"] = seed => new GradSoftmaxDropoutMse(seed),
            ["GradSigmoidDropoutBce"] = seed => new GradSigmoidDropoutBce(seed),
        };

    public static IEnumerable<object[]> Names => Networks.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_reads_the_dropped_out_outputs(string name)
    {
        int dropped = 0;
        foreach (int seed in new[] { 1, 2, 3, 4 })
        {
            ITrainableNetwork net = Networks[name](seed);
            var random = new SeededRandom(seed + 100);
            Span<float> parameters = net.Parameters;
            for (int i = 0; i < parameters.Length; i++) parameters[i] += 0.2f * (float)random.NextNormal();
            float[] saved = net.Parameters.ToArray();
            float[] inputs = GradientCheckTests.RandomInputs(ref random, Batch * net.InputSize);
            float[] targets = GradientCheckTests.TargetsFor(net, ref random);

            double[] mask = DrawnMask(net, inputs, targets, out float[] trainingOutputs);
            dropped += mask.Count(m => m == 0);
            KeepTargetsOnKeptOutputs(net, mask, targets);
            if (net.Loss == Loss.BinaryCrossEntropy)
                Assert.True(trainingOutputs.All(a => a < 1f), $"{name} seed {seed}: the check needs dropped-out sigmoid outputs below 1, where log(1 - a) is defined");

            // The same parameters and a fresh dropout generator draw the same mask again.
            net.ResetParameters(seed);
            saved.CopyTo(net.Parameters);
            (double gradientError, _) = GradientCheckTests.Check($"{name} seed {seed}", net, new GradientCheckCase(_ => net), inputs, targets, 1e-3, [mask]);
            Assert.Equal(trainingOutputs, net.TrainingOutputs.ToArray());
            output.WriteLine($"{name} seed {seed}: max relative gradient error {gradientError:E2}");
        }
        Assert.True(dropped > 0, $"{name}: no output was dropped in any batch, so the mask went unchecked");
    }

    /// <summary>
    /// The mask of the output dropout in one training call: 0 where the training output is 0, else
    /// <c>1 / (1 - rate)</c>, after checking that every training output is the inference output times its mask.
    /// </summary>
    private static double[] DrawnMask(ITrainableNetwork net, float[] inputs, float[] targets, out float[] trainingOutputs)
    {
        net.ComputeGradients(inputs, targets);
        trainingOutputs = net.TrainingOutputs.ToArray();
        float[] predicted = new float[trainingOutputs.Length];
        net.PredictBatch(inputs, predicted);
        double keep = 1 / (1 - (double)net.Layers[^1].Rate);
        double[] mask = trainingOutputs.Select(a => a == 0f ? 0 : keep).ToArray();
        for (int i = 0; i < mask.Length; i++)
        {
            Assert.True(predicted[i] > 0f, $"output {i}: {predicted[i]} is not a probability above 0, so a 0 would not mean dropped");
            Assert.True(Math.Abs(trainingOutputs[i] - mask[i] * predicted[i]) <= 1e-6 * mask[i] * predicted[i],
                $"output {i}: training {trainingOutputs[i]} is not inference {predicted[i]} times the mask {mask[i]}");
        }
        return mask;
    }

    /// <summary>
    /// Keeps the targets where a dropped output (0) has a finite cross-entropy: each sample's class on an
    /// output the mask keeps, and a binary target of 0 on a dropped output. Elsewhere the loss is infinite
    /// and the runtime clamps it (1e-7 for categorical, -100 per logarithm for binary), with no gradient
    /// through the dropped output, which finite differences of the plain reference cannot check.
    /// </summary>
    private static void KeepTargetsOnKeptOutputs(ITrainableNetwork net, double[] mask, float[] targets)
    {
        int k = net.OutputSize;
        if (net.Loss == Loss.BinaryCrossEntropy)
        {
            for (int i = 0; i < mask.Length; i++) if (mask[i] == 0) targets[i] = 0f;
            return;
        }
        if (net.Loss is not (Loss.CategoricalCrossEntropy or Loss.SparseCategoricalCrossEntropy)) return;
        for (int n = 0; n < Batch; n++)
        {
            int kept = Enumerable.Range(0, k).First(j => mask[n * k + j] != 0);
            if (net.Loss == Loss.SparseCategoricalCrossEntropy) targets[n] = kept;
            else
            {
                Array.Clear(targets, n * k, k);
                targets[n * k + kept] = 1f;
            }
        }
    }
}
