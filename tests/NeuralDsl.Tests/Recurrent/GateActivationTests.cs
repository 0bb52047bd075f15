using System;
using System.Runtime.Intrinsics;
using NeuralDsl.Recurrent;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>The recurrent kernels' gate activations: their accuracy, and the 16-wide forms equal to the 8-wide ones lane for lane.</summary>
public class GateActivationTests
{
    private static float[] Sweep()
    {
        var values = new System.Collections.Generic.List<float> { 0f, -0f, 9f, -9f, 8.999999f, 18f, -18f, 30f, -30f, float.NaN, float.PositiveInfinity, float.NegativeInfinity };
        for (int k = -4000; k <= 4000; k++) values.Add(k * 0.005f);
        for (int e = -30; e <= 4; e++) values.Add(MathF.Pow(2f, e) * 1.37f);
        while (values.Count % 16 != 0) values.Add(0.5f);
        return values.ToArray();
    }

    [Fact]
    public void Sigmoid_is_within_2e_7_of_the_exact_value()
    {
        float[] z = Sweep();
        double worst = 0;
        for (int k = 0; k < z.Length; k += 8)
        {
            Vector256<float> a = GateActivations.Sigmoid(Vector256.Create(z.AsSpan(k, 8)));
            for (int l = 0; l < 8; l++)
            {
                double exact = 1 / (1 + Math.Exp(-(double)z[k + l]));
                if (float.IsNaN(z[k + l])) Assert.True(float.IsNaN(a[l]));
                else worst = Math.Max(worst, Math.Abs(a[l] - exact));
            }
        }
        Assert.True(worst < 2e-7, $"worst absolute error {worst:E2}");
    }

    [Fact]
    public void Sigmoid_is_half_of_one_plus_the_tanh_of_half_bit_for_bit()
    {
        // The sigmoid folds the halvings into its coefficients; powers of two scale exactly, so nothing changes.
        float[] z = Sweep();
        Vector256<float> half = Vector256.Create(0.5f);
        for (int k = 0; k < z.Length; k += 8)
        {
            Vector256<float> v = Vector256.Create(z.AsSpan(k, 8));
            Vector256<float> sigmoid = GateActivations.Sigmoid(v), formed = DenseKernels.MultiplyAdd(GateActivations.Tanh(v * half), half, half);
            for (int l = 0; l < 8; l++) Assert.Equal(BitConverter.SingleToInt32Bits(formed[l]), BitConverter.SingleToInt32Bits(sigmoid[l]));
        }
    }

    [Fact]
    public void Tanh_is_within_4e_7_relative_of_the_exact_value_and_saturates_exactly()
    {
        float[] z = Sweep();
        double worst = 0;
        for (int k = 0; k < z.Length; k += 8)
        {
            Vector256<float> a = GateActivations.Tanh(Vector256.Create(z.AsSpan(k, 8)));
            for (int l = 0; l < 8; l++)
            {
                float x = z[k + l];
                if (float.IsNaN(x)) { Assert.True(float.IsNaN(a[l])); continue; }
                double exact = Math.Tanh(x);
                if (Math.Abs(x) >= 9) Assert.Equal(Math.Sign(x), a[l]);
                else if (x == 0) Assert.Equal(BitConverter.SingleToInt32Bits(x), BitConverter.SingleToInt32Bits(a[l]));
                else worst = Math.Max(worst, Math.Abs(a[l] - exact) / Math.Abs(exact));
            }
        }
        Assert.True(worst < 4e-7, $"worst relative error {worst:E2}");
    }

#if NET9_0_OR_GREATER
    [Fact]
    public void Sixteen_wide_forms_give_the_eight_wide_values_bit_for_bit()
    {
        float[] z = Sweep();
        for (int k = 0; k < z.Length; k += 16)
        {
            Vector512<float> v = Vector512.Create(z.AsSpan(k, 16));
            Vector512<float> tanh = GateActivations.Tanh(v), sigmoid = GateActivations.Sigmoid(v);
            Vector256<float> lowTanh = GateActivations.Tanh(v.GetLower()), highTanh = GateActivations.Tanh(v.GetUpper());
            Vector256<float> lowSigmoid = GateActivations.Sigmoid(v.GetLower()), highSigmoid = GateActivations.Sigmoid(v.GetUpper());
            for (int l = 0; l < 8; l++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(lowTanh[l]), BitConverter.SingleToInt32Bits(tanh[l]));
                Assert.Equal(BitConverter.SingleToInt32Bits(highTanh[l]), BitConverter.SingleToInt32Bits(tanh[8 + l]));
                Assert.Equal(BitConverter.SingleToInt32Bits(lowSigmoid[l]), BitConverter.SingleToInt32Bits(sigmoid[l]));
                Assert.Equal(BitConverter.SingleToInt32Bits(highSigmoid[l]), BitConverter.SingleToInt32Bits(sigmoid[8 + l]));
            }
        }
    }
#endif
}
