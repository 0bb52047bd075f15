using System;
using System.Diagnostics;
using NeuralDsl;

namespace Samples.Xor;

/// <summary>The classic non-linearly-separable problem: two inputs, one hidden tanh layer, a sigmoid output.</summary>
[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNet;

public static class Program
{
    public static int Main()
    {
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
        float[] targets = [0, 1, 1, 0];

        var net = new XorNet(seed: 1);
        Console.WriteLine($"XorNet: {XorNet.InputSize} inputs, {XorNet.OutputSize} output, {XorNet.ParameterCount} parameters");

        float loss = 0f;
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= 2000; epoch++)
        {
            loss = net.TrainStep(inputs, targets);   // full batch: all four samples
            if (epoch % 500 == 0) Console.WriteLine($"epoch {epoch,4}: loss {loss:F6}");
        }

        Console.WriteLine($"time to trained model: {clock.Elapsed.TotalMilliseconds:F1} ms (2000 steps, {clock.Elapsed.TotalMicroseconds / 2000:F1} us per step)");

        Span<float> output = stackalloc float[XorNet.OutputSize];
        int correct = 0;
        for (int n = 0; n < 4; n++)
        {
            ReadOnlySpan<float> sample = inputs.AsSpan(n * XorNet.InputSize, XorNet.InputSize);
            net.Predict(sample, output);
            bool predicted = output[0] >= 0.5f;
            if (predicted == (targets[n] == 1f)) correct++;
            Console.WriteLine($"{sample[0]} xor {sample[1]} -> {output[0]:F4} ({(predicted ? 1 : 0)}, expected {targets[n]})");
        }
        Console.WriteLine($"accuracy: {correct}/4");
        return correct == 4 ? 0 : 1;
    }
}
