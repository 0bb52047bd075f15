using System;

namespace NeuralDsl.Schedules;

/// <summary>
/// Anneals the learning rate along a cosine from the base rate down to <see cref="MinLearningRate"/> over
/// <see cref="TMax"/> epochs, like PyTorch's <c>CosineAnnealingLR</c> (without restarts):
/// epoch <c>e</c> runs at <c>min + (base - min) * (1 + cos(pi * e / tMax)) / 2</c>.
/// </summary>
/// <remarks>
/// As in PyTorch, the rate does not stay at the minimum after <c>tMax</c> epochs: the cosine goes on, so
/// the rate climbs back to the base rate at epoch <c>2 * tMax</c> and keeps oscillating with that period.
/// Choose <c>tMax</c> equal to the number of epochs to end at the minimum.
/// </remarks>
/// <example>
/// <code>
/// var schedule = new CosineAnnealing(tMax: 100, minLearningRate: 1e-5f);
/// float rate = schedule.LearningRateFor(epoch: 50, baseLearningRate: 0.1f, monitoredValue: float.NaN); // about 0.05
/// </code>
/// </example>
public sealed class CosineAnnealing : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="tMax">The number of epochs from the base rate to the minimum (PyTorch's <c>T_max</c>), at least 1.</param>
    /// <param name="minLearningRate">The rate at epoch <paramref name="tMax"/> (PyTorch's <c>eta_min</c>), finite and at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public CosineAnnealing(int tMax, float minLearningRate = 0f)
    {
        TMax = ScheduleArguments.AtLeast(tMax, 1, nameof(tMax), "TMax");
        MinLearningRate = ScheduleArguments.NonNegative(minLearningRate, nameof(minLearningRate), "The minimum learning rate");
    }

    /// <summary>The number of epochs from the base rate to the minimum: half the period of the cosine.</summary>
    public int TMax { get; }

    /// <summary>The rate the cosine reaches at epoch <see cref="TMax"/>.</summary>
    public float MinLearningRate { get; }

    /// <inheritdoc />
    public float LearningRateFor(int epoch, float baseLearningRate, float monitoredValue)
    {
        ScheduleArguments.Query(epoch, baseLearningRate);
        double minimum = MinLearningRate;
        return (float)(minimum + (baseLearningRate - minimum) * (1.0 + Math.Cos(Math.PI * epoch / TMax)) / 2.0);
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
