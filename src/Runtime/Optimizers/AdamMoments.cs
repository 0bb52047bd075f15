using System;
using System.Numerics.Tensors;

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
    private readonly float[] _scratch;
    private readonly float[] _denominator;
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
        _scratch = new float[Math.Min(parameterCount, ElementwiseOps.BlockSize)];
        _denominator = new float[_scratch.Length];
    }

    /// <summary>
    /// One step: <paramref name="decoupledDecay"/> (AdamW's <c>lr * weight_decay</c>) shrinks the parameters
    /// first, <paramref name="l2Penalty"/> (Adam's <c>weight_decay</c>) is added to the gradient.
    /// </summary>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate, float l2Penalty, float decoupledDecay)
    {
        _step++;
        // The scalars, as PyTorch computes them: in double, from the float32 hyperparameters.
        double biasCorrection1 = 1.0 - Math.Pow(_beta1, _step);
        double biasCorrection2 = 1.0 - Math.Pow(_beta2, _step);
        float negativeStepSize = (float)-(learningRate / biasCorrection1);
        float biasCorrection2Sqrt = (float)Math.Sqrt(biasCorrection2);
        float shrink = (float)(1.0 - learningRate * (double)decoupledDecay);
        for (int start = 0; start < parameters.Length; start += ElementwiseOps.BlockSize)
        {
            int length = Math.Min(ElementwiseOps.BlockSize, parameters.Length - start);
            Span<float> p = parameters.Slice(start, length);
            Span<float> mean = _mean.AsSpan(start, length);
            Span<float> squareMean = _squareMean.AsSpan(start, length);
            Span<float> scratch = _scratch.AsSpan(0, length);
            Span<float> denominator = _denominator.AsSpan(0, length);
            ReadOnlySpan<float> d = gradients.Slice(start, length);
            if (decoupledDecay != 0f)
                TensorPrimitives.Multiply(p, shrink, p);
            if (l2Penalty != 0f)
            {
                ElementwiseOps.AddScaled(d, p, l2Penalty, scratch);
                d = scratch;
            }
            ElementwiseOps.Decay(mean, (float)_beta1, d, _oneMinusBeta1);
            TensorPrimitives.Multiply(squareMean, (float)_beta2, squareMean);
            ElementwiseOps.AddProduct(squareMean, d, d, _oneMinusBeta2, denominator);
            ReadOnlySpan<float> second = squareMean;
            if (_maxSquareMean.Length != 0)
            {
                Span<float> maxSquareMean = _maxSquareMean.AsSpan(start, length);
                TensorPrimitives.Max(maxSquareMean, squareMean, maxSquareMean);
                second = maxSquareMean;
            }
            TensorPrimitives.Sqrt(second, denominator);
            TensorPrimitives.Divide(denominator, biasCorrection2Sqrt, denominator);
            TensorPrimitives.Add(denominator, _epsilon, denominator);
            ElementwiseOps.AddQuotient(p, mean, denominator, negativeStepSize, scratch);
        }
    }

    public void Reset()
    {
        Array.Clear(_mean);
        Array.Clear(_squareMean);
        Array.Clear(_maxSquareMean);
        _step = 0;
    }
}
