using System;

namespace NeuralDsl.Training;

/// <summary>
/// Stops training when a monitored series stops improving, as Keras' <c>EarlyStopping</c>: an epoch
/// improves when it beats the best value by more than <see cref="MinDelta"/>; after
/// <see cref="Patience"/> epochs without improvement training stops, and with
/// <see cref="RestoreBestWeights"/> the network gets back the parameters of its best epoch.
/// </summary>
/// <example>
/// <code>
/// var options = new TrainingOptions { EarlyStopping = new EarlyStopping("val_loss", patience: 5) };
/// </code>
/// </example>
public sealed class EarlyStopping
{
    /// <summary>Creates an early-stopping rule.</summary>
    /// <param name="monitor">Series to watch: <c>loss</c>, <c>val_loss</c>, or a metric name such as <c>val_accuracy</c>.</param>
    /// <param name="patience">Epochs without improvement before stopping (0 stops at the first non-improving epoch).</param>
    /// <param name="minDelta">Smallest change that counts as an improvement.</param>
    /// <param name="restoreBestWeights">Whether to restore the best epoch's parameters when training ends.</param>
    /// <param name="maximize">Whether larger is better; <c>null</c> infers it from the name (accuracy is maximised, losses minimised).</param>
    public EarlyStopping(string monitor = "val_loss", int patience = 0, float minDelta = 0f, bool restoreBestWeights = true, bool? maximize = null)
    {
        MonitoredSeries.Check(monitor, minDelta);
        if (patience < 0) throw new ArgumentOutOfRangeException(nameof(patience), patience, "Patience must not be negative.");
        Monitor = monitor;
        Patience = patience;
        MinDelta = minDelta;
        RestoreBestWeights = restoreBestWeights;
        Maximize = MonitoredSeries.Maximize(monitor, maximize);
    }

    /// <summary>The monitored series.</summary>
    public string Monitor { get; }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>Smallest change that counts as an improvement.</summary>
    public float MinDelta { get; }

    /// <summary>Whether the best epoch's parameters are restored when training ends.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>Whether larger values are better.</summary>
    public bool Maximize { get; }

    /// <summary>Whether <paramref name="value"/> improves on <paramref name="best"/> by more than <see cref="MinDelta"/>.</summary>
    public bool IsImprovement(double value, double best) =>
        MonitoredSeries.IsImprovement(value, best, Maximize, MinDelta);
}
