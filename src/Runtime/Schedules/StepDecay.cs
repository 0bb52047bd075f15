using System;

namespace NeuralDsl.Schedules;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> every <see cref="StepSize"/> epochs, like PyTorch's
/// <c>StepLR</c>: epoch <c>e</c> runs at <c>baseLearningRate * gamma^floor(e / stepSize)</c>.
/// </summary>
/// <example>
/// <code>
/// var schedule = new StepDecay(stepSize: 30, gamma: 0.1f); // 0.1, then 0.01 from epoch 30, 0.001 from epoch 60
/// float rate = schedule.LearningRateFor(epoch: 45, baseLearningRate: 0.1f, monitoredValue: float.NaN);
/// </code>
/// </example>
public sealed class StepDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSize">The number of epochs between decays, at least 1.</param>
    /// <param name="gamma">The factor applied at each decay, finite and at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public StepDecay(int stepSize, float gamma = 0.1f)
    {
        StepSize = ScheduleArguments.AtLeast(stepSize, 1, nameof(stepSize), "The step size");
        Gamma = ScheduleArguments.NonNegative(gamma, nameof(gamma), "Gamma");
    }

    /// <summary>The number of epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor applied at each decay.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public float LearningRateFor(int epoch, float baseLearningRate, float monitoredValue)
    {
        ScheduleArguments.Query(epoch, baseLearningRate);
        return (float)(baseLearningRate * Math.Pow(Gamma, epoch / StepSize));
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
