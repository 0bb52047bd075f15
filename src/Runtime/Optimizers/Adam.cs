using System;

namespace NeuralDsl.Optimizers;

/// <summary>
/// Adam (Kingma and Ba, 2015), with optional L2 weight decay and the AMSGrad variant: the update rule of
/// PyTorch's <c>torch.optim.Adam</c>, operation for operation in float32.
/// </summary>
/// <remarks>
/// <para>
/// Step <c>t</c> (from 1), with <c>g</c> the gradient: <c>g = g + weightDecay * p</c> (coupled: the
/// penalty passes through the moments; see <see cref="AdamW"/> for decoupled decay);
/// <c>m = beta1 * m + (1 - beta1) * g</c>; <c>v = beta2 * v + (1 - beta2) * g * g</c>;
/// with AMSGrad <c>v</c> below is the running maximum of <c>v</c>; then
/// <c>p = p - (learningRate / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)</c>.
/// </para>
/// <para>
/// Epsilon is added after the bias correction of <c>sqrt(v)</c>, as PyTorch does: it is not the
/// paper's <c>sqrt(v_hat) + epsilon</c> with a different epsilon.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var optimizer = new Adam(net.ParameterCount, learningRate: 1e-3f);
/// net.ComputeGradients(inputs, targets);
/// optimizer.Step(net.Parameters, net.Gradients);
/// </code>
/// </example>
public sealed class Adam : IOptimizer, IOptimizerState
{
    internal const float DefaultLearningRate = 1e-3f;
    internal const float DefaultBeta1 = 0.9f;
    internal const float DefaultBeta2 = 0.999f;
    internal const float DefaultEpsilon = 1e-8f;

    private readonly AdamMoments _moments;
    private float _learningRate;

    /// <summary>Creates the optimiser and its moment estimates for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans passed to <see cref="Step"/>.</param>
    /// <param name="learningRate">The step size, at least 0.</param>
    /// <param name="beta1">The decay rate of the gradient's moving average, in [0, 1).</param>
    /// <param name="beta2">The decay rate of the squared gradient's moving average, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for numerical stability, at least 0.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient, at least 0.</param>
    /// <param name="amsgrad">Whether to divide by the running maximum of the second moment (AMSGrad).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public Adam(int parameterCount, float learningRate = DefaultLearningRate, float beta1 = DefaultBeta1, float beta2 = DefaultBeta2,
        float epsilon = DefaultEpsilon, float weightDecay = 0f, bool amsgrad = false)
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

    /// <summary>The L2 penalty coefficient added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <summary>Whether the step divides by the running maximum of the second moment.</summary>
    public bool AmsGrad { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>, or the spans overlap.</exception>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        OptimizerArguments.Spans(parameters, gradients, ParameterCount);
        _moments.Step(parameters, gradients, _learningRate, l2Penalty: WeightDecay, decoupledDecay: 0f);
    }

    /// <inheritdoc />
    public void Reset() => _moments.Reset();

    /// <inheritdoc />
    /// <remarks><c>Adam</c>, or <c>Adam/AMSGrad</c> (first moments, second moments, then their running maxima).</remarks>
    public string StateTag => AmsGrad ? "Adam/AMSGrad" : "Adam";

    /// <inheritdoc />
    public int StateLength => _moments.StateLength;

    /// <inheritdoc />
    public long StepCount => _moments.StepCount;

    /// <inheritdoc />
    public void ExportState(Span<float> destination) => _moments.ExportState(destination);

    /// <inheritdoc />
    public void ImportState(ReadOnlySpan<float> source, long stepCount) => _moments.ImportState(source, stepCount);
}
