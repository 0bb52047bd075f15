using System;
using System.Runtime.Intrinsics;

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
    public void Tanh_is_within_3_5e_7_relative_everywhere_even_in_place()
    {
        float[] x = Sweep(), y = new float[x.Length];
        Activations.Tanh(x, y);
        float[] inPlace = (float[])x.Clone();
        Activations.Tanh(inPlace, inPlace);
        for (int i = 0; i < x.Length; i++)
        {
            double exact = Math.Tanh(x[i]);
            Assert.True(Math.Abs(y[i] - exact) <= 3.5e-7 * Math.Abs(exact) + 1e-45, $"tanh({x[i]:R}) = {y[i]:R}, exact {exact:R}");
            Assert.Equal(y[i], inPlace[i]);
        }
    }

    [Fact]
    public void Vector_tanh_is_within_3_5e_7_relative_over_a_sweep_of_float_bit_patterns()
    {
        // Every 61st positive float up to 16 (tanh is odd, and the vector form is symmetric by construction).
        double worst = 0;
        float worstAt = 0;
        for (uint bits = 0; bits < 0x41800000u; bits += 61)
        {
            float v = BitConverter.UInt32BitsToSingle(bits);
            float r = Activations.Tanh(Vector256.Create(v)).GetElement(0);
            double exact = Math.Tanh(v);
            double error = exact == 0 ? Math.Abs(r) : Math.Abs(r - exact) / exact;
            if (error > worst) (worst, worstAt) = (error, v);
        }
        Assert.True(worst <= 3.5e-7, $"worst relative error {worst:G3} at {worstAt:R}");
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(9f, 1f)]
    [InlineData(50f, 1f)]
    [InlineData(1e30f, 1f)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, -1f)]
    [InlineData(-1e30f, -1f)]
    [InlineData(float.NaN, float.NaN)]
    public void Vector_tanh_saturates_exactly_and_keeps_nan(float x, float expected)
    {
        Vector256<float> r = Activations.Tanh(Vector256.Create(x, -x, x, -x, x, -x, x, -x));
        Assert.Equal(expected, r.GetElement(0));
        Assert.Equal(-expected, r.GetElement(1));
        Assert.True(float.IsNegative(Activations.Tanh(Vector256.Create(-0f)).GetElement(0)), "tanh(-0) is -0");
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

    [Fact]
    public void Softmax_is_within_3e_6_relative_of_the_exact_function_even_for_huge_logits()
    {
        var random = new SeededRandom(3);
        double worst = 0;
        foreach (int length in new[] { 1, 3, 8, 10, 17, 64 })
        {
            for (int trial = 0; trial < 200; trial++)
            {
                float offset = trial % 3 == 0 ? 1e4f : trial % 3 == 1 ? -1e4f : 0f;
                float[] z = new float[length], a = new float[length];
                for (int i = 0; i < length; i++) z[i] = offset + 40f * random.NextSingle() - 20f;
                Activations.Softmax(z, a);
                double max = double.NegativeInfinity, sum = 0;
                foreach (float v in z) max = Math.Max(max, v);
                foreach (float v in z) sum += Math.Exp(v - max);
                for (int i = 0; i < length; i++)
                {
                    double exact = Math.Exp(z[i] - max) / sum;
                    Assert.True(float.IsFinite(a[i]), $"softmax gave {a[i]}");
                    if (exact > 1e-30) worst = Math.Max(worst, Math.Abs(a[i] - exact) / exact);
                }
            }
        }
        Assert.True(worst <= 3e-6, $"worst relative error {worst:G3}"); // float rounding of a sum of up to 64 terms
    }
}
