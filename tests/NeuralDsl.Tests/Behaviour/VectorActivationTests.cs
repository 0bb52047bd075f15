using System;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>The vectorised span activations against double-precision tanh and sigmoid.</summary>
public class VectorActivationTests
{
    // Magnitudes from 1e-30 to 40, both signs, zero, and lengths that leave a scalar tail.
    private static float[] Sweep()
    {
        var values = new System.Collections.Generic.List<float> { 0f, -0f };
        for (double e = -30; e <= 1.6; e += 0.0005)
        {
            values.Add((float)Math.Pow(10, e));
            values.Add((float)-Math.Pow(10, e));
        }
        values.Add(1f);
        return values.ToArray();
    }

    [Fact]
    public void Tanh_is_within_3e_7_relative_everywhere_even_in_place()
    {
        float[] x = Sweep(), y = new float[x.Length];
        Activations.Tanh(x, y);
        float[] inPlace = (float[])x.Clone();
        Activations.Tanh(inPlace, inPlace);
        for (int i = 0; i < x.Length; i++)
        {
            double exact = Math.Tanh(x[i]);
            Assert.True(Math.Abs(y[i] - exact) <= 3e-7 * Math.Abs(exact) + 1e-45, $"tanh({x[i]:R}) = {y[i]:R}, exact {exact:R}");
            Assert.Equal(y[i], inPlace[i]);
        }
    }

    [Fact]
    public void Sigmoid_is_within_3e_7_relative_over_its_useful_range()
    {
        float[] x = Sweep(), y = new float[x.Length];
        Activations.Sigmoid(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < -87f) continue; // e^87 is float's limit; below it the result is within 1e-38 of 0
            double exact = 1 / (1 + Math.Exp(-x[i]));
            Assert.True(Math.Abs(y[i] - exact) <= 3e-7 * exact, $"sigmoid({x[i]:R}) = {y[i]:R}, exact {exact:R}");
        }
    }
}
