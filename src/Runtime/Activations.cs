using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl;

/// <summary>
/// Scalar activation functions and their derivatives, as called by generated code. Each derivative
/// takes what is cheapest to hand: the pre-activation <c>z</c>, the activation <c>a</c>, or both.
/// At kinks the derivative follows PyTorch (ReLU'(0) = 0, LeakyReLU'(0) = alpha).
/// </summary>
public static class Activations
{
    /// <summary>SELU's alpha (Klambauer et al., 2017).</summary>
    public const float SeluAlpha = 1.6732632423543772848170429916717f;

    /// <summary>SELU's scale (Klambauer et al., 2017).</summary>
    public const float SeluScale = 1.0507009873554804934193349852946f;

    /// <summary>Logistic sigmoid, computed without overflow for any <paramref name="z"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float z)
    {
        if (z >= 0f) return 1f / (1f + MathF.Exp(-z));
        float e = MathF.Exp(z);
        return e / (1f + e);
    }

    /// <summary>Sigmoid's derivative from its output: <c>a (1 - a)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SigmoidDerivative(float a) => a * (1f - a);

    /// <summary>Hyperbolic tangent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float z) => MathF.Tanh(z);

    /// <summary>
    /// Tanh of every element of <paramref name="z"/> into <paramref name="a"/> (which may be the same
    /// span), eight at a time with <see cref="Tanh(Vector256{float})"/> where the hardware has 256-bit
    /// vectors, the rest with <see cref="MathF.Tanh"/>.
    /// </summary>
    public static void Tanh(ReadOnlySpan<float> z, Span<float> a)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= z.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                Tanh(Vector256.Create(z.Slice(i, Vector256<float>.Count))).CopyTo(a.Slice(i, Vector256<float>.Count));
        }
        for (; i < z.Length; i++) a[i] = MathF.Tanh(z[i]);
    }

    // Beyond this magnitude tanh rounds to +-1 in float (1 - tanh 9 = 3e-8 < 2^-25).
    private const float TanhSaturation = 9f;

    /// <summary>
    /// Tanh of eight values: a rational function, <c>x P(x^2) / Q(x^2)</c> with P of degree 6 and Q of
    /// degree 3, minimax in relative error on [0, 9] (error 6.6e-9 in exact arithmetic; coefficients from
    /// tests/reference/fit_tanh.py), and exactly +-1 beyond 9. Maximum relative error 3.5e-7 against the
    /// exact value once float rounding is counted (tested over a sweep of every magnitude); NaN gives NaN,
    /// -0 gives -0. About three times faster than an exponential-based tanh: no exponential, one division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        Vector256<float> t = x * x;
        Vector256<float> p = DenseKernels.MultiplyAdd(Vector256.Create(-8.488693148822834e-14f), t, Vector256.Create(5.2779393966267714e-11f));
        p = DenseKernels.MultiplyAdd(p, t, Vector256.Create(-2.022520227972758e-08f));
        p = DenseKernels.MultiplyAdd(p, t, Vector256.Create(1.115430146968569e-05f));
        p = DenseKernels.MultiplyAdd(p, t, Vector256.Create(0.003103955501425403f));
        p = DenseKernels.MultiplyAdd(p, t, Vector256.Create(0.13084009440498848f));
        p = DenseKernels.MultiplyAdd(p, t, Vector256.Create(0.9999999933843254f));
        Vector256<float> q = DenseKernels.MultiplyAdd(Vector256.Create(0.000254614422072956f), t, Vector256.Create(0.02449517549141888f));
        q = DenseKernels.MultiplyAdd(q, t, Vector256.Create(0.46417336541088394f));
        q = DenseKernels.MultiplyAdd(q, t, Vector256<float>.One);
        // Large |x| overflows t into inf / inf = NaN: those lanes take the saturated value instead.
        Vector256<float> saturated = (x & Vector256.Create(-0f)) | Vector256<float>.One;
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256.Abs(x), Vector256.Create(TanhSaturation)), saturated, x * p / q);
    }

#if NET9_0_OR_GREATER
    private static Vector256<float> SigmoidVector(Vector256<float> x) =>
        Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-x));
#endif

    /// <summary>
    /// Sigmoid of every element of <paramref name="z"/> into <paramref name="a"/> (which may be the same
    /// span), eight at a time where the hardware and runtime allow; relative error 3e-7 (tested).
    /// </summary>
    public static void Sigmoid(ReadOnlySpan<float> z, Span<float> a)
    {
        int i = 0;
#if NET9_0_OR_GREATER
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= z.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                SigmoidVector(Vector256.Create(z.Slice(i, Vector256<float>.Count))).CopyTo(a.Slice(i, Vector256<float>.Count));
        }
#endif
        for (; i < z.Length; i++) a[i] = Sigmoid(z[i]);
    }

    /// <summary>Tanh's derivative from its output: <c>1 - a^2</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhDerivative(float a) => 1f - a * a;

    /// <summary><c>max(0, z)</c>; NaN gives NaN (a select on <c>z &lt; 0</c>, not a maximum, which would drop it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReLU(float z) => z < 0f ? 0f : z;

    /// <summary>
    /// ReLU of every element of <paramref name="z"/> into <paramref name="a"/> (which may be the same span),
    /// eight at a time where the hardware has 256-bit vectors; the same values as the scalar <see cref="ReLU(float)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLU(ReadOnlySpan<float> z, Span<float> a)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= z.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                ReLU(Vector256.Create(z.Slice(i, Vector256<float>.Count))).CopyTo(a.Slice(i, Vector256<float>.Count));
        }
        for (; i < z.Length; i++) a[i] = ReLU(z[i]);
    }

    /// <summary>
    /// <c>max(0, z)</c> of eight values, as the scalar <see cref="ReLU(float)"/>: the lanes below zero are
    /// cleared, so NaN stays NaN (and -0 stays -0), at the cost of the mask's one instruction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ReLU(Vector256<float> z) => Vector256.AndNot(z, Vector256.LessThan(z, Vector256<float>.Zero));

    /// <summary>1 for <c>z &gt; 0</c>, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReLUDerivative(float z) => z > 0f ? 1f : 0f;

    /// <summary><c>z</c> for <c>z &gt; 0</c>, else <c>alpha z</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LeakyReLU(float z, float alpha) => z > 0f ? z : alpha * z;

    /// <summary>1 for <c>z &gt; 0</c>, else alpha.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LeakyReLUDerivative(float z, float alpha) => z > 0f ? 1f : alpha;

    /// <summary><c>z</c> for <c>z &gt; 0</c>, else <c>alpha (e^z - 1)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ELU(float z, float alpha) => z > 0f ? z : alpha * ExpM1(z);

    /// <summary>1 for <c>z &gt; 0</c>, else <c>a + alpha</c> (= <c>alpha e^z</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ELUDerivative(float z, float a, float alpha) => z > 0f ? 1f : a + alpha;

    /// <summary>Scaled ELU.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SELU(float z) => z > 0f ? SeluScale * z : SeluScale * SeluAlpha * ExpM1(z);

    /// <summary>SELU's derivative: scale for <c>z &gt; 0</c>, else <c>a + scale alpha</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SELUDerivative(float z, float a) => z > 0f ? SeluScale : a + SeluScale * SeluAlpha;

    /// <summary><c>log(1 + e^z)</c>, computed as <c>max(z, 0) + log(1 + e^-|z|)</c> so it neither overflows nor loses small values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Softplus(float z) => MathF.Max(z, 0f) + Log1P(MathF.Exp(-MathF.Abs(z)));

    /// <summary>Softplus' derivative: <c>sigmoid(z)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SoftplusDerivative(float z) => Sigmoid(z);

    /// <summary>Leaky ReLU with a learned <paramref name="slope"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float PReLU(float z, float slope) => z > 0f ? z : slope * z;

    /// <summary>Heaviside step: 1 for <c>z &gt;= 0</c>, 0 for <c>z &lt; 0</c>, NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Step(float z) => z >= 0f ? 1f : z < 0f ? 0f : z;

    /// <summary>
    /// Softmax of <paramref name="z"/> into <paramref name="a"/> (which may be the same span), shifted
    /// by the maximum so that no exponential overflows. Vectorised (<see cref="TensorPrimitives"/>'
    /// exponential); relative error at most 3e-6 against the exact function for up to 64 units, most of it
    /// the float rounding of the sum (tested; the scalar form it replaced measured the same).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(ReadOnlySpan<float> z, Span<float> a)
    {
#if NET9_0_OR_GREATER
        float max = TensorPrimitives.Max(z);
        TensorPrimitives.Subtract(z, max, a);
        TensorPrimitives.Exp(a, a);
        float sum = TensorPrimitives.Sum(a);
#else
        // On .NET 8, TensorPrimitives' reductions (Max, Sum, Norm, Dot) can allocate 64 to 128 bytes a
        // call (System.Numerics.Tensors 10.0.0, measured with GC.GetAllocatedBytesForCurrentThread);
        // these loops do not. Max keeps a NaN, as TensorPrimitives.Max does.
        float max = z[0];
        for (int i = 1; i < z.Length && !float.IsNaN(max); i++) max = float.IsNaN(z[i]) || z[i] > max ? z[i] : max;
        TensorPrimitives.Subtract(z, max, a);
        TensorPrimitives.Exp(a, a);
        float sum = 0f;
        for (int i = 0; i < a.Length; i++) sum += a[i];
#endif
        TensorPrimitives.Multiply(a, 1f / sum, a);
    }

    /// <summary>
    /// Back-propagates through softmax: <c>dZ_i = a_i (dA_i - sum_j dA_j a_j)</c>.
    /// <paramref name="dZ"/> may be the same span as <paramref name="dA"/>.
    /// </summary>
    public static void SoftmaxBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ)
    {
        float dot = 0f;
        for (int i = 0; i < a.Length; i++) dot += dA[i] * a[i];
        for (int i = 0; i < a.Length; i++) dZ[i] = a[i] * (dA[i] - dot);
    }

    // log(1 + x) and e^x - 1 to float accuracy for every x: in float, 1 + x (or e^x - 1) rounds away
    // about 2^-24 / |x| of the result (5e-4 relative for Softplus(-9)), so the sum is formed in double.

    /// <summary>log(1 + x), accurate for small x.</summary>
    internal static float Log1P(float x) => MathF.Abs(x) < 1e-4f ? x * (1f - 0.5f * x) : (float)Math.Log(1d + x);

    /// <summary>e^x - 1, accurate for small x.</summary>
    internal static float ExpM1(float x) => MathF.Abs(x) < 1e-4f ? x * (1f + 0.5f * x) : (float)(Math.Exp(x) - 1d);
}
