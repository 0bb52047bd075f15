using System;
using System.Numerics.Tensors;

namespace NeuralDsl.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum (heavy-ball or Nesterov), dampening and L2 weight
/// decay: the update rule of PyTorch's <c>torch.optim.SGD</c>, operation for operation in float32.
/// </summary>
/// <remarks>
/// <para>
/// Each step, with <c>g</c> the gradient: <c>g = g + weightDecay * p</c>; with momentum,
/// <c>b = momentum * b + (1 - dampening) * g</c> and then <c>g = g + momentum * b</c> (Nesterov) or
/// <c>g = b</c>; finally <c>p = p - learningRate * g</c>.
/// </para>
/// <para>
/// As in PyTorch, the first step after construction or <see cref="Reset"/> sets the momentum buffer to
/// the gradient itself, without dampening, rather than decaying a zero buffer.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var optimizer = new Sgd(net.ParameterCount, learningRate: 0.05f, momentum: 0.9f, nesterov: true);
/// net.ComputeGradients(inputs, targets);
/// optimizer.Step(net.Parameters, net.Gradients);
/// </code>
/// </example>
public sealed class Sgd : IOptimizer, IOptimizerState
{
    private readonly float[] _velocity;
    private readonly float[] _scratch;
    private readonly float _oneMinusDampening;
    private float _learningRate;
    private long _step;

    /// <summary>Creates the optimiser and its momentum buffer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter and gradient spans passed to <see cref="Step"/>.</param>
    /// <param name="learningRate">The step size, at least 0 (PyTorch's <c>lr</c>, which has no default).</param>
    /// <param name="momentum">The momentum factor, at least 0; 0 turns momentum off.</param>
    /// <param name="dampening">How much of each gradient the momentum buffer leaves out, in [0, 1]; 0 with Nesterov momentum.</param>
    /// <param name="nesterov">Whether to use Nesterov momentum, which needs a momentum above 0 and no dampening.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public Sgd(int parameterCount, float learningRate, float momentum = 0f, float dampening = 0f, bool nesterov = false, float weightDecay = 0f)
    {
        ParameterCount = OptimizerArguments.ParameterCount(parameterCount);
        _learningRate = OptimizerArguments.LearningRate(learningRate, nameof(learningRate));
        Momentum = OptimizerArguments.AtLeastZero(momentum, nameof(momentum), "The momentum");
        Dampening = OptimizerArguments.Fraction(dampening, nameof(dampening), "The dampening");
        WeightDecay = OptimizerArguments.AtLeastZero(weightDecay, nameof(weightDecay), "The weight decay");
        if (nesterov && momentum <= 0f)
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Nesterov momentum needs a momentum in (0, +inf).");
        if (nesterov && dampening != 0f)
            throw new ArgumentOutOfRangeException(nameof(dampening), dampening, "Nesterov momentum needs a dampening of 0.");
        Nesterov = nesterov;
        // PyTorch forms 1 - dampening in double and rounds it to float32 when it multiplies.
        _oneMinusDampening = (float)(1.0 - dampening);
        _velocity = momentum != 0f ? new float[parameterCount] : [];
        _scratch = new float[Math.Min(parameterCount, ElementwiseOps.BlockSize)];
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

    /// <summary>The momentum factor; 0 means plain gradient descent.</summary>
    public float Momentum { get; }

    /// <summary>The dampening applied to each gradient entering the momentum buffer.</summary>
    public float Dampening { get; }

    /// <summary>Whether the step uses Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty coefficient added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>, or the spans overlap.</exception>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        OptimizerArguments.Spans(parameters, gradients, ParameterCount);
        for (int start = 0; start < ParameterCount; start += ElementwiseOps.BlockSize)
        {
            int length = Math.Min(ElementwiseOps.BlockSize, ParameterCount - start);
            Span<float> p = parameters.Slice(start, length);
            Span<float> scratch = _scratch.AsSpan(0, length);
            ReadOnlySpan<float> d = gradients.Slice(start, length);
            if (WeightDecay != 0f)
            {
                ElementwiseOps.AddScaled(d, p, WeightDecay, scratch);
                d = scratch;
            }
            if (Momentum != 0f)
            {
                Span<float> velocity = _velocity.AsSpan(start, length);
                if (_step > 0)
                    ElementwiseOps.Decay(velocity, Momentum, d, _oneMinusDampening);
                else
                    d.CopyTo(velocity);
                if (Nesterov)
                {
                    ElementwiseOps.AddScaled(d, velocity, Momentum, scratch);
                    d = scratch;
                }
                else
                {
                    d = velocity;
                }
            }
            ElementwiseOps.AddScaled(p, d, -_learningRate, p);
        }
        _step++;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_velocity);
        _step = 0;
    }

    /// <inheritdoc />
    /// <remarks><c>SGD</c> (no buffer), or <c>SGD/momentum</c> (the momentum buffer); the step count says whether the buffer has started.</remarks>
    public string StateTag => _velocity.Length != 0 ? "SGD/momentum" : "SGD";

    /// <inheritdoc />
    public int StateLength => _velocity.Length;

    /// <inheritdoc />
    public long StepCount => _step;

    /// <inheritdoc />
    public void ExportState(Span<float> destination) => OptimizerStateBuffers.Export(destination, _velocity, [], []);

    /// <inheritdoc />
    public void ImportState(ReadOnlySpan<float> source, long stepCount)
    {
        OptimizerStateBuffers.Import(source, stepCount, _velocity, [], []);
        _step = stepCount;
    }
}
