using System;

namespace NeuralDsl.Optimizers;

/// <summary>
/// Creates the optimiser that a <see cref="NeuralDsl.Optimizer"/> value names, from the hyperparameters a
/// network declaration can state; generated networks call it once, at their first training call.
/// </summary>
public static class OptimizerFactory
{
    /// <summary>Creates the optimiser <paramref name="kind"/> for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="kind">Which optimiser.</param>
    /// <param name="parameterCount">The length of the parameter and gradient spans.</param>
    /// <param name="learningRate">The step size, at least 0.</param>
    /// <param name="momentum">The momentum factor of <see cref="Sgd"/> and <see cref="RMSprop"/>; ignored by the others.</param>
    /// <param name="nesterov">Whether <see cref="Sgd"/> uses Nesterov momentum; ignored by the others.</param>
    /// <param name="beta1">The first-moment decay rate of <see cref="Adam"/> and <see cref="AdamW"/>; ignored by the others.</param>
    /// <param name="beta2">The second-moment decay rate of <see cref="Adam"/> and <see cref="AdamW"/>; ignored by the others.</param>
    /// <param name="epsilon">The denominator's stability term (not used by <see cref="Sgd"/>); NaN means the optimiser's PyTorch default.</param>
    /// <param name="weightDecay">The weight decay; NaN means the optimiser's PyTorch default (0.01 for AdamW, 0 otherwise).</param>
    /// <returns>A new optimiser with no state.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value, or a hyperparameter it uses is outside its range.</exception>
    public static IOptimizer Create(Optimizer kind, int parameterCount, float learningRate, float momentum, bool nesterov,
        float beta1, float beta2, float epsilon, float weightDecay) => kind switch
    {
        Optimizer.Sgd => new Sgd(parameterCount, learningRate, momentum, dampening: 0f, nesterov, OrDefault(weightDecay, 0f)),
        Optimizer.Adagrad => new Adagrad(parameterCount, learningRate, learningRateDecay: 0f, OrDefault(weightDecay, 0f),
            initialAccumulatorValue: 0f, OrDefault(epsilon, Adagrad.DefaultEpsilon)),
        Optimizer.RMSprop => new RMSprop(parameterCount, learningRate, alpha: 0.99f, OrDefault(epsilon, RMSprop.DefaultEpsilon),
            OrDefault(weightDecay, 0f), momentum),
        Optimizer.Adam => new Adam(parameterCount, learningRate, beta1, beta2, OrDefault(epsilon, Adam.DefaultEpsilon), OrDefault(weightDecay, 0f)),
        Optimizer.AdamW => new AdamW(parameterCount, learningRate, beta1, beta2, OrDefault(epsilon, Adam.DefaultEpsilon),
            OrDefault(weightDecay, AdamW.DefaultWeightDecay)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an optimiser: expected Sgd, Adagrad, RMSprop, Adam or AdamW."),
    };

    private static float OrDefault(float value, float defaultValue) => float.IsNaN(value) ? defaultValue : value;
}
