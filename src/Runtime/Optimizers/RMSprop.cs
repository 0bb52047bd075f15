using System;
using System.Numerics.Tensors;

namespace NeuralDsl.Optimizers;

/// <summary>
/// RMSprop (Hinton, 2012): each parameter's step is divided by the root of a moving average of its
/// squared gradients, optionally centred and with momentum. The update rule of PyTorch's
/// <c>torch.optim.RMSprop</c>, operation for operation in float32.
/// </summary>
/// <remarks>
/// Each step, with <c>g</c> the gradient: <c>g = g + weightDecay * p</c>;
/// <c>v = alpha * v + (1 - alpha) * g * g</c>; the denominator is <c>sqrt(v) + epsilon</c>, or, centred,
/// <c>sqrt(v - m * m) + epsilon</c> with <c>m = alpha * m + (1 - alpha) * g</c>. Without momentum
/// <c>p = p - learningRate * g / denominator</c>; with it <c>b = momentum * b + g / denominator</c> and
/// <c>p = p - learningRate * b</c>. Note that epsilon is added outside the square root, as in PyTorch
/// (Keras adds it inside).
/// </remarks>
/// <example>
/// <code>
/// var optimizer = new RMSprop(net.ParameterCount, learningRate: 0.001f, momentum: 0.9f);
/// net.ComputeGradients(inputs, targets);
/// optimizer.Step(net.Parameters, net.Gradients);
/// </code>
/// </example>
public sealed class RMSprop : IOptimizer, IOptimizerState
{
    internal const float DefaultLearningRate = 0.01f;
    internal const float DefaultEpsilon = 1e-8f;

    private readonly float[] _squareAverage;
    private readonly float[] _gradientAverage;
    private readonly float[] _velocity;
    private readonly float[] _scratch;
    private readonly float[] _denominator;
    private readonly float _oneMinusAlpha;
    private float _learningRate;
    private long _step;

    /// <summary>Creates the optimiser and its moving averages for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans passed to <see cref="Step"/>.</param>
    /// <param name="learningRate">The step size, at least 0.</param>
    /// <param name="alpha">The smoothing constant of the moving averages, in [0, 1].</param>
    /// <param name="epsilon">Added to the denominator for numerical stability, at least 0.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient, at least 0.</param>
    /// <param name="momentum">The momentum factor, at least 0; 0 turns momentum off.</param>
    /// <param name="centered">Whether to divide by an estimate of the gradient's variance rather than its second moment.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public RMSprop(int parameterCount, float learningRate = DefaultLearningRate, float alpha = 0.99f, float epsilon = DefaultEpsilon,
        float weightDecay = 0f, float momentum = 0f, bool centered = false)
    {
        ParameterCount = OptimizerArguments.ParameterCount(parameterCount);
        _learningRate = OptimizerArguments.LearningRate(learningRate, nameof(learningRate));
        Alpha = OptimizerArguments.Fraction(alpha, nameof(alpha), "The smoothing constant alpha");
        Epsilon = OptimizerArguments.AtLeastZero(epsilon, nameof(epsilon), "Epsilon");
        WeightDecay = OptimizerArguments.AtLeastZero(weightDecay, nameof(weightDecay), "The weight decay");
        Momentum = OptimizerArguments.AtLeastZero(momentum, nameof(momentum), "The momentum");
        Centered = centered;
        _oneMinusAlpha = (float)(1.0 - alpha);
        _squareAverage = new float[parameterCount];
        _gradientAverage = centered ? new float[parameterCount] : [];
        _velocity = momentum > 0f ? new float[parameterCount] : [];
        _scratch = new float[Math.Min(parameterCount, ElementwiseOps.BlockSize)];
        _denominator = new float[_scratch.Length];
    }

    /// <summary>The number of parameters the optimiser was created for.</summary>
    public int ParameterCount { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public float LearningRate
    {
        get => _learningRate;
        set => _learningRate = OptimizerArguments.LearningRate(value, nameof(value));
    }

    /// <summary>The smoothing constant of the moving averages.</summary>
    public float Alpha { get; }

    /// <summary>The term added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>The L2 penalty coefficient added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <summary>The momentum factor; 0 means no momentum buffer.</summary>
    public float Momentum { get; }

    /// <summary>Whether the denominator subtracts the squared moving average of the gradient.</summary>
    public bool Centered { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>, or the spans overlap.</exception>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        OptimizerArguments.Spans(parameters, gradients, ParameterCount);
        _step++;
        for (int start = 0; start < ParameterCount; start += ElementwiseOps.BlockSize)
        {
            int length = Math.Min(ElementwiseOps.BlockSize, ParameterCount - start);
            Span<float> p = parameters.Slice(start, length);
            Span<float> squareAverage = _squareAverage.AsSpan(start, length);
            Span<float> scratch = _scratch.AsSpan(0, length);
            Span<float> denominator = _denominator.AsSpan(0, length);
            ReadOnlySpan<float> d = gradients.Slice(start, length);
            if (WeightDecay != 0f)
            {
                ElementwiseOps.AddScaled(d, p, WeightDecay, scratch);
                d = scratch;
            }
            TensorPrimitives.Multiply(squareAverage, Alpha, squareAverage);
            ElementwiseOps.AddProduct(squareAverage, d, d, _oneMinusAlpha, denominator);
            if (Centered)
            {
                Span<float> gradientAverage = _gradientAverage.AsSpan(start, length);
                ElementwiseOps.Decay(gradientAverage, Alpha, d, _oneMinusAlpha);
                // square_avg.addcmul(grad_avg, grad_avg, value=-1): -m rounds exactly, then one fused step.
                TensorPrimitives.Negate(gradientAverage, denominator);
                TensorPrimitives.FusedMultiplyAdd(denominator, gradientAverage, squareAverage, denominator);
                TensorPrimitives.Sqrt(denominator, denominator);
            }
            else
            {
                TensorPrimitives.Sqrt(squareAverage, denominator);
            }
            TensorPrimitives.Add(denominator, Epsilon, denominator);
            if (Momentum > 0f)
            {
                Span<float> velocity = _velocity.AsSpan(start, length);
                TensorPrimitives.Multiply(velocity, Momentum, velocity);
                ElementwiseOps.AddQuotient(velocity, d, denominator, 1f, scratch);
                ElementwiseOps.AddScaled(p, velocity, -_learningRate, p);
            }
            else
            {
                ElementwiseOps.AddQuotient(p, d, denominator, -_learningRate, scratch);
            }
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_squareAverage);
        Array.Clear(_gradientAverage);
        Array.Clear(_velocity);
        _step = 0;
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>RMSprop</c>, with <c>/centered</c> and <c>/momentum</c> appended when those buffers exist
    /// (squared-gradient averages, then gradient averages, then the momentum buffer).
    /// </remarks>
    public string StateTag => "RMSprop" + (Centered ? "/centered" : "") + (_velocity.Length != 0 ? "/momentum" : "");

    /// <inheritdoc />
    public int StateLength => OptimizerStateBuffers.Length(_squareAverage, _gradientAverage, _velocity);

    /// <inheritdoc />
    public long StepCount => _step;

    /// <inheritdoc />
    public void ExportState(Span<float> destination) => OptimizerStateBuffers.Export(destination, _squareAverage, _gradientAverage, _velocity);

    /// <inheritdoc />
    public void ImportState(ReadOnlySpan<float> source, long stepCount)
    {
        OptimizerStateBuffers.Import(source, stepCount, _squareAverage, _gradientAverage, _velocity);
        _step = stepCount;
    }
}
