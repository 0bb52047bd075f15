using System;

namespace NeuralDsl.Schedules;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> every epoch, like PyTorch's <c>ExponentialLR</c>:
/// epoch <c>e</c> runs at <c>baseLearningRate * gamma^e</c>.
/// </summary>
/// <example>
/// <code>
/// var schedule = new ExponentialDecay(gamma: 0.95f);
/// float rate = schedule.LearningRateFor(epoch: 10, baseLearningRate: 0.01f, monitoredValue: float.NaN);
/// </code>
/// </example>
public sealed class ExponentialDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="gamma">The factor applied each epoch, finite and at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is outside its range.</exception>
    public ExponentialDecay(float gamma)
    {
        Gamma = ScheduleArguments.NonNegative(gamma, nameof(gamma), "Gamma");
    }

    /// <summary>The factor applied each epoch.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public float LearningRateFor(int epoch, float baseLearningRate, float monitoredValue)
    {
        ScheduleArguments.Query(epoch, baseLearningRate);
        return (float)(baseLearningRate * Math.Pow(Gamma, epoch));
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
