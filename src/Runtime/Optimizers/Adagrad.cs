using System;
using System.Numerics.Tensors;

namespace NeuralDsl.Optimizers;

/// <summary>
/// AdaGrad (Duchi et al., 2011): each parameter's step is divided by the root of its summed squared
/// gradients. The update rule of PyTorch's <c>torch.optim.Adagrad</c>, operation for operation in float32.
/// </summary>
/// <remarks>
/// Step <c>t</c> (from 1), with <c>g</c> the gradient: <c>g = g + weightDecay * p</c>;
/// <c>lr_t = learningRate / (1 + (t - 1) * learningRateDecay)</c>; <c>s = s + g * g</c>;
/// <c>p = p - lr_t * g / (sqrt(s) + epsilon)</c>. The sum starts at <c>initialAccumulatorValue</c>.
/// </remarks>
/// <example>
/// <code>
/// var optimizer = new Adagrad(net.ParameterCount, learningRate: 0.1f);
/// net.ComputeGradients(inputs, targets);
/// optimizer.Step(net.Parameters, net.Gradients);
/// </code>
/// </example>
public sealed class Adagrad : IOptimizer, IOptimizerState
{
    internal const float DefaultLearningRate = 0.01f;
    internal const float DefaultEpsilon = 1e-10f;

    private readonly float[] _sum;
    private readonly float[] _scratch;
    private readonly float[] _denominator;
    private float _learningRate;
    private long _step;

    /// <summary>Creates the optimiser and its accumulator for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans passed to <see cref="Step"/>.</param>
    /// <param name="learningRate">The step size, at least 0.</param>
    /// <param name="learningRateDecay">How fast the step size decays with the step count, at least 0.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient, at least 0.</param>
    /// <param name="initialAccumulatorValue">The starting value of every squared-gradient sum, at least 0.</param>
    /// <param name="epsilon">Added to the root of the sum for numerical stability, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public Adagrad(int parameterCount, float learningRate = DefaultLearningRate, float learningRateDecay = 0f, float weightDecay = 0f,
        float initialAccumulatorValue = 0f, float epsilon = DefaultEpsilon)
    {
        ParameterCount = OptimizerArguments.ParameterCount(parameterCount);
        _learningRate = OptimizerArguments.LearningRate(learningRate, nameof(learningRate));
        LearningRateDecay = OptimizerArguments.AtLeastZero(learningRateDecay, nameof(learningRateDecay), "The learning rate decay");
        WeightDecay = OptimizerArguments.AtLeastZero(weightDecay, nameof(weightDecay), "The weight decay");
        InitialAccumulatorValue = OptimizerArguments.AtLeastZero(initialAccumulatorValue, nameof(initialAccumulatorValue), "The initial accumulator value");
        Epsilon = OptimizerArguments.AtLeastZero(epsilon, nameof(epsilon), "Epsilon");
        _sum = new float[parameterCount];
        _scratch = new float[Math.Min(parameterCount, ElementwiseOps.BlockSize)];
        _denominator = new float[_scratch.Length];
        Reset();
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

    /// <summary>How fast the step size decays: step <c>t</c> uses <c>LearningRate / (1 + (t - 1) * LearningRateDecay)</c>.</summary>
    public float LearningRateDecay { get; }

    /// <summary>The L2 penalty coefficient added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <summary>The starting value of every squared-gradient sum.</summary>
    public float InitialAccumulatorValue { get; }

    /// <summary>The term added to the root of the sum in the denominator.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>, or the spans overlap.</exception>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        OptimizerArguments.Spans(parameters, gradients, ParameterCount);
        _step++;
        // PyTorch computes the decayed rate in double and rounds its negation to float32 in addcdiv.
        float negativeRate = (float)-(_learningRate / (1.0 + (_step - 1) * (double)LearningRateDecay));
        for (int start = 0; start < ParameterCount; start += ElementwiseOps.BlockSize)
        {
            int length = Math.Min(ElementwiseOps.BlockSize, ParameterCount - start);
            Span<float> p = parameters.Slice(start, length);
            Span<float> sum = _sum.AsSpan(start, length);
            Span<float> scratch = _scratch.AsSpan(0, length);
            Span<float> denominator = _denominator.AsSpan(0, length);
            ReadOnlySpan<float> d = gradients.Slice(start, length);
            if (WeightDecay != 0f)
            {
                ElementwiseOps.AddScaled(d, p, WeightDecay, scratch);
                d = scratch;
            }
            ElementwiseOps.AddProduct(sum, d, d);
            TensorPrimitives.Sqrt(sum, denominator);
            TensorPrimitives.Add(denominator, Epsilon, denominator);
            ElementwiseOps.AddQuotient(p, d, denominator, negativeRate, scratch);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Fill(_sum, InitialAccumulatorValue);
        _step = 0;
    }

    /// <inheritdoc />
    /// <remarks><c>Adagrad</c>: the squared-gradient sums.</remarks>
    public string StateTag => "Adagrad";

    /// <inheritdoc />
    public int StateLength => _sum.Length;

    /// <inheritdoc />
    public long StepCount => _step;

    /// <inheritdoc />
    public void ExportState(Span<float> destination) => OptimizerStateBuffers.Export(destination, _sum, [], []);

    /// <inheritdoc />
    public void ImportState(ReadOnlySpan<float> source, long stepCount)
    {
        OptimizerStateBuffers.Import(source, stepCount, _sum, [], []);
        _step = stepCount;
    }
}
