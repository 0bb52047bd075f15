using System;

namespace NeuralDsl.Optimizers;

/// <summary>
/// AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay, the update rule of PyTorch's
/// <c>torch.optim.AdamW</c>, operation for operation in float32.
/// </summary>
/// <remarks>
/// Each step first shrinks the parameters, <c>p = p * (1 - learningRate * weightDecay)</c>, then applies
/// the <see cref="Adam"/> update to the unmodified gradient. The decay scales with the learning rate, so
/// a schedule that lowers the rate lowers the decay too, as in PyTorch (the paper schedules them apart).
/// </remarks>
/// <example>
/// <code>
/// var optimizer = new AdamW(net.ParameterCount, learningRate: 1e-3f, weightDecay: 0.05f);
/// net.ComputeGradients(inputs, targets);
/// optimizer.Step(net.Parameters, net.Gradients);
/// </code>
/// </example>
public sealed class AdamW : IOptimizer, IOptimizerState
{
    internal const float DefaultWeightDecay = 0.01f;

    private readonly AdamMoments _moments;
    private float _learningRate;

    /// <summary>Creates the optimiser and its moment estimates for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans passed to <see cref="Step"/>.</param>
    /// <param name="learningRate">The step size, at least 0.</param>
    /// <param name="beta1">The decay rate of the gradient's moving average, in [0, 1).</param>
    /// <param name="beta2">The decay rate of the squared gradient's moving average, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for numerical stability, at least 0.</param>
    /// <param name="weightDecay">The decoupled decay coefficient, at least 0.</param>
    /// <param name="amsgrad">Whether to divide by the running maximum of the second moment (AMSGrad).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public AdamW(int parameterCount, float learningRate = Adam.DefaultLearningRate, float beta1 = Adam.DefaultBeta1,
        float beta2 = Adam.DefaultBeta2, float epsilon = Adam.DefaultEpsilon, float weightDecay = DefaultWeightDecay, bool amsgrad = false)
    {
        ParameterCount = OptimizerArguments.ParameterCount(parameterCount);
        _learningRate = OptimizerArguments.LearningRate(learningRate, nameof(learningRate));
        Beta1 = OptimizerArguments.Beta(beta1, nameof(beta1));
        Beta2 = OptimizerArguments.Beta(beta2, nameof(beta2));
        Epsilon = OptimizerArguments.AtLeastZero(epsilon, nameof(epsilon), "Epsilon");
        WeightDecay = OptimizerArguments.AtLeastZero(weightDecay, nameof(weightDecay), "The weight decay");
        AmsGrad = amsgrad;
        _moments = new AdamMoments(parameterCount, beta1, beta2, epsilon, amsgrad);
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

    /// <summary>The decay rate of the gradient's moving average.</summary>
    public float Beta1 { get; }

    /// <summary>The decay rate of the squared gradient's moving average.</summary>
    public float Beta2 { get; }

    /// <summary>The term added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>The decoupled decay coefficient: each step multiplies the parameters by <c>1 - LearningRate * WeightDecay</c>.</summary>
    public float WeightDecay { get; }

    /// <summary>Whether the step divides by the running maximum of the second moment.</summary>
    public bool AmsGrad { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>, or the spans overlap.</exception>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        OptimizerArguments.Spans(parameters, gradients, ParameterCount);
        _moments.Step(parameters, gradients, _learningRate, l2Penalty: 0f, decoupledDecay: WeightDecay);
    }

    /// <inheritdoc />
    public void Reset() => _moments.Reset();

    /// <inheritdoc />
    /// <remarks><c>AdamW</c>, or <c>AdamW/AMSGrad</c> (first moments, second moments, then their running maxima).</remarks>
    public string StateTag => AmsGrad ? "AdamW/AMSGrad" : "AdamW";

    /// <inheritdoc />
    public int StateLength => _moments.StateLength;

    /// <inheritdoc />
    public long StepCount => _moments.StepCount;

    /// <inheritdoc />
    public void ExportState(Span<float> destination) => _moments.ExportState(destination);

    /// <inheritdoc />
    public void ImportState(ReadOnlySpan<float> source, long stepCount) => _moments.ImportState(source, stepCount);
}
