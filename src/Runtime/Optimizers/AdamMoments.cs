using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralDsl.Optimizers;

/// <summary>
/// The moment estimates and the bias-corrected step shared by <see cref="Adam"/> and <see cref="AdamW"/>,
/// which differ only in how weight decay enters: added to the gradient (L2) or applied to the parameters.
/// </summary>
internal sealed class AdamMoments
{
    private readonly float[] _mean;
    private readonly float[] _squareMean;
    private readonly float[] _maxSquareMean;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly float _oneMinusBeta1;
    private readonly float _oneMinusBeta2;
    private readonly float _epsilon;
    private long _step;

    public AdamMoments(int parameterCount, float beta1, float beta2, float epsilon, bool amsgrad)
    {
        _beta1 = beta1;
        _beta2 = beta2;
        // PyTorch forms 1 - beta in double and rounds it to float32 when it multiplies.
        _oneMinusBeta1 = (float)(1.0 - beta1);
        _oneMinusBeta2 = (float)(1.0 - beta2);
        _epsilon = epsilon;
        _mean = new float[parameterCount];
        _squareMean = new float[parameterCount];
        _maxSquareMean = amsgrad ? new float[parameterCount] : [];
    }

    /// <summary>
    /// One step: <paramref name="decoupledDecay"/> (AdamW's <c>lr * weight_decay</c>) shrinks the parameters
    /// first, <paramref name="l2Penalty"/> (Adam's <c>weight_decay</c>) is added to the gradient.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate, float l2Penalty, float decoupledDecay)
    {
        _step++;
        // The scalars, as PyTorch computes them: in double, from the float32 hyperparameters.
        double biasCorrection1 = 1.0 - Math.Pow(_beta1, _step);
        double biasCorrection2 = 1.0 - Math.Pow(_beta2, _step);
        float negativeStepSize = (float)-(learningRate / biasCorrection1);
        float biasCorrection2Sqrt = (float)Math.Sqrt(biasCorrection2);
        float shrink = (float)(1.0 - learningRate * (double)decoupledDecay);
        var update = new Update(
            (float)_beta1, _oneMinusBeta1, (float)_beta2, _oneMinusBeta2, biasCorrection2Sqrt, _epsilon, negativeStepSize,
            l2Penalty, decoupledDecay != 0f ? shrink : 1f, decoupledDecay != 0f, _maxSquareMean.Length != 0);
        // Every buffer has parameters.Length elements (the optimisers check the spans' lengths), except
        // the running maximum, which is empty, and never read, without AMSGrad.
        ref float p = ref MemoryMarshal.GetReference(parameters);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        ref float m = ref MemoryMarshal.GetArrayDataReference(_mean);
        ref float v = ref MemoryMarshal.GetArrayDataReference(_squareMean);
        ref float vMax = ref MemoryMarshal.GetArrayDataReference(_maxSquareMean);
        nuint i = 0, length = (nuint)parameters.Length;
        if (Vector256.IsHardwareAccelerated && Fma.IsSupported)
        {
            for (; i + (nuint)Vector256<float>.Count <= length; i += (nuint)Vector256<float>.Count)
                update.Apply(ref p, ref g, ref m, ref v, ref vMax, i);
        }
        for (; i < length; i++)
            update.Apply(ref Unsafe.Add(ref p, i), Unsafe.Add(ref g, i), ref Unsafe.Add(ref m, i), ref Unsafe.Add(ref v, i), ref Unsafe.Add(ref vMax, i));
    }

    /// <summary>
    /// One element's update in a single pass over the buffers, with the operations and roundings of
    /// torch.optim.Adam's sequence of in-place tensor calls (see <see cref="ElementwiseOps"/>):
    /// <c>p.mul_(shrink)</c>; <c>g = g.add(p, alpha=l2)</c>; <c>m.mul_(beta1).add_(g, alpha=1-beta1)</c>;
    /// <c>v.mul_(beta2).addcmul_(g, g, value=1-beta2)</c>; <c>vMax = maximum(vMax, v)</c>;
    /// <c>denominator = (sqrt(v) / sqrt(bc2)).add_(eps)</c>; <c>p.addcdiv_(m, denominator, value=-stepSize)</c>.
    /// </summary>
    private readonly struct Update(
        float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float biasCorrection2Sqrt, float epsilon,
        float negativeStepSize, float l2Penalty, float shrink, bool decoupled, bool amsGrad)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply(ref float parameter, float gradient, ref float mean, ref float squareMean, ref float maxSquareMean)
        {
            float p = parameter;
            if (decoupled) p *= shrink;
            float g = l2Penalty != 0f ? MathF.FusedMultiplyAdd(p, l2Penalty, gradient) : gradient;
            float m = MathF.FusedMultiplyAdd(g, oneMinusBeta1, mean * beta1);
            float v = MathF.FusedMultiplyAdd(g * oneMinusBeta2, g, squareMean * beta2);
            mean = m;
            squareMean = v;
            if (amsGrad)
            {
                if (v > maxSquareMean || float.IsNaN(v)) maxSquareMean = v;
                v = maxSquareMean;
            }
            float denominator = MathF.Sqrt(v) / biasCorrection2Sqrt + epsilon;
            parameter = p + m * negativeStepSize / denominator;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply(ref float parameters, ref float gradients, ref float means, ref float squareMeans, ref float maxSquareMeans, nuint i)
        {
            Vector256<float> p = Vector256.LoadUnsafe(ref parameters, i);
            Vector256<float> g = Vector256.LoadUnsafe(ref gradients, i);
            if (decoupled) p *= Vector256.Create(shrink);
            if (l2Penalty != 0f) g = Fma.MultiplyAdd(p, Vector256.Create(l2Penalty), g);
            Vector256<float> m = Fma.MultiplyAdd(g, Vector256.Create(oneMinusBeta1), Vector256.LoadUnsafe(ref means, i) * Vector256.Create(beta1));
            Vector256<float> v = Fma.MultiplyAdd(g * Vector256.Create(oneMinusBeta2), g, Vector256.LoadUnsafe(ref squareMeans, i) * Vector256.Create(beta2));
            m.StoreUnsafe(ref means, i);
            v.StoreUnsafe(ref squareMeans, i);
            if (amsGrad)
            {
                Vector256<float> max = Vector256.LoadUnsafe(ref maxSquareMeans, i);
                // torch.maximum: the larger value, NaN if either is NaN.
                v = Vector256.ConditionalSelect(Vector256.GreaterThan(v, max) | ~Vector256.Equals(v, v), v, max);
                v.StoreUnsafe(ref maxSquareMeans, i);
            }
            Vector256<float> denominator = Vector256.Sqrt(v) / Vector256.Create(biasCorrection2Sqrt) + Vector256.Create(epsilon);
            (p + m * Vector256.Create(negativeStepSize) / denominator).StoreUnsafe(ref parameters, i);
        }
    }

    public long StepCount => _step;

    public int StateLength => OptimizerStateBuffers.Length(_mean, _squareMean, _maxSquareMean);

    public void ExportState(Span<float> destination) => OptimizerStateBuffers.Export(destination, _mean, _squareMean, _maxSquareMean);

    public void ImportState(ReadOnlySpan<float> source, long stepCount)
    {
        OptimizerStateBuffers.Import(source, stepCount, _mean, _squareMean, _maxSquareMean);
        _step = stepCount;
    }

    public void Reset()
    {
        Array.Clear(_mean);
        Array.Clear(_squareMean);
        Array.Clear(_maxSquareMean);
        _step = 0;
    }
}
