using System;

namespace NeuralDsl.Schedules;

/// <summary>
/// Lowers the learning rate when a monitored quantity (typically the validation loss) stops improving,
/// like PyTorch's <c>ReduceLROnPlateau</c> in <c>mode='min'</c> with a relative threshold.
/// </summary>
/// <remarks>
/// <para>
/// Each new epoch consumes the value measured at the end of the previous one. A value counts as an
/// improvement if it is below <c>best * (1 - threshold)</c>; NaN never is. After more than
/// <see cref="Patience"/> epochs in a row without one, the rate becomes
/// <c>max(rate * factor, minLearningRate)</c>, then <see cref="Cooldown"/> epochs pass in which bad epochs
/// are not counted. As in PyTorch, a reduction smaller than 1e-8 is not applied, so the rate stops
/// shrinking once it is that small.
/// </para>
/// <para>
/// The schedule starts from the base rate of the first call after construction or <see cref="Reset"/>,
/// and must see epochs in order: asking again for the latest epoch returns the same rate without
/// consuming another value, and asking for an earlier one throws.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 2);
/// float first = schedule.LearningRateFor(0, 0.1f, float.NaN); // 0.1
/// float next = schedule.LearningRateFor(1, 0.1f, 0.83f);       // 0.1: the first value is the best so far
/// </code>
/// </example>
public sealed class ReduceOnPlateau : ILearningRateSchedule
{
    /// <summary>PyTorch's <c>eps</c>: reductions smaller than this are ignored.</summary>
    private const double MinimumReduction = 1e-8;

    private double _learningRate = double.NaN;
    private double _best = double.PositiveInfinity;
    private int _lastEpoch;
    private int _badEpochs;
    private int _cooldownLeft;

    /// <summary>Creates the schedule.</summary>
    /// <param name="factor">The factor applied at each reduction, in [0, 1).</param>
    /// <param name="patience">The number of epochs without improvement tolerated before a reduction, at least 0.</param>
    /// <param name="threshold">The relative gain that counts as an improvement, in [0, 1).</param>
    /// <param name="cooldown">The number of epochs after a reduction during which bad epochs are not counted, at least 0.</param>
    /// <param name="minLearningRate">The rate never goes below this, finite and at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public ReduceOnPlateau(float factor = 0.1f, int patience = 10, float threshold = 1e-4f, int cooldown = 0, float minLearningRate = 0f)
    {
        Factor = ScheduleArguments.BelowOne(factor, nameof(factor), "The factor");
        Patience = ScheduleArguments.AtLeast(patience, 0, nameof(patience), "The patience");
        Threshold = ScheduleArguments.BelowOne(threshold, nameof(threshold), "The threshold");
        Cooldown = ScheduleArguments.AtLeast(cooldown, 0, nameof(cooldown), "The cooldown");
        MinLearningRate = ScheduleArguments.NonNegative(minLearningRate, nameof(minLearningRate), "The minimum learning rate");
    }

    /// <summary>The factor applied at each reduction.</summary>
    public float Factor { get; }

    /// <summary>The number of epochs without improvement tolerated before a reduction.</summary>
    public int Patience { get; }

    /// <summary>The relative gain over the best value that counts as an improvement.</summary>
    public float Threshold { get; }

    /// <summary>The number of epochs after a reduction during which bad epochs are not counted.</summary>
    public int Cooldown { get; }

    /// <summary>The lowest rate a reduction can reach.</summary>
    public float MinLearningRate { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">Also when <paramref name="epoch"/> is earlier than one already seen.</exception>
    public float LearningRateFor(int epoch, float baseLearningRate, float monitoredValue)
    {
        ScheduleArguments.Query(epoch, baseLearningRate);
        if (epoch < _lastEpoch)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch,
                $"The epoch must be at least {_lastEpoch}, the latest one seen; call Reset to start over.");
        if (double.IsNaN(_learningRate))
            _learningRate = baseLearningRate;
        if (epoch > _lastEpoch)
        {
            Observe(monitoredValue);
            _lastEpoch = epoch;
        }
        return (float)_learningRate;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _learningRate = double.NaN;
        _best = double.PositiveInfinity;
        _lastEpoch = 0;
        _badEpochs = 0;
        _cooldownLeft = 0;
    }

    private void Observe(double value)
    {
        // In double, as PyTorch compares Python floats; a NaN value compares false, so it is a bad epoch.
        if (value < _best * (1.0 - Threshold))
        {
            _best = value;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }
        if (_badEpochs > Patience)
        {
            double reduced = Math.Max(_learningRate * Factor, MinLearningRate);
            if (_learningRate - reduced > MinimumReduction)
                _learningRate = reduced;
            _cooldownLeft = Cooldown;
            _badEpochs = 0;
        }
    }
}
