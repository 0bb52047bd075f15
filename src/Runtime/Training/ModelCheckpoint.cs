using System;
using System.Globalization;
using NeuralDsl.Optimizers;
using NeuralDsl.Weights;

namespace NeuralDsl.Training;

/// <summary>
/// Saves the network's weights during <c>Fit</c>, as Keras' <c>ModelCheckpoint</c>: after every epoch, or
/// only after an epoch that improves the monitored series (the best so far, by default). Files are
/// <c>.ndw</c> weights (<see cref="WeightsFile"/>), written atomically, so a run killed mid-save keeps
/// the last good checkpoint.
/// </summary>
/// <example>
/// <code>
/// var options = new TrainingOptions
/// {
///     Epochs = 50, ValidationSplit = 0.2,
///     Checkpoint = new ModelCheckpoint("best.ndw", monitor: "val_loss"),
/// };
/// net.Fit(train, validation: null, options);
/// net.LoadWeights("best.ndw");                                // the best epoch's weights
/// </code>
/// </example>
public sealed class ModelCheckpoint
{
    /// <summary>Creates a checkpoint rule.</summary>
    /// <param name="path">
    /// The file to write. <c>{epoch}</c> in it is replaced by the epoch (from 0), to keep one file per
    /// saved epoch; without it each save replaces the previous one.
    /// </param>
    /// <param name="monitor">Series whose improvement triggers a save: <c>loss</c>, <c>val_loss</c>, or a metric such as <c>val_accuracy</c>.</param>
    /// <param name="saveBestOnly">Whether to save only when the monitored series improves (true) or after every epoch (false).</param>
    /// <param name="includeOptimizerState">Whether each file also holds the optimiser's state, to resume training exactly from it.</param>
    /// <param name="minDelta">Smallest change that counts as an improvement.</param>
    /// <param name="maximize">Whether larger is better; <c>null</c> infers it from the name (accuracy is maximised, losses minimised).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="monitor"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minDelta"/> is negative or NaN.</exception>
    public ModelCheckpoint(string path, string monitor = "val_loss", bool saveBestOnly = true, bool includeOptimizerState = false,
        float minDelta = 0f, bool? maximize = null)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("Give the file to write the checkpoints to.", nameof(path));
        MonitoredSeries.Check(monitor, minDelta);
        Path = path;
        Monitor = monitor;
        SaveBestOnly = saveBestOnly;
        IncludeOptimizerState = includeOptimizerState;
        MinDelta = minDelta;
        Maximize = MonitoredSeries.Maximize(monitor, maximize);
    }

    /// <summary>The file written, possibly with an <c>{epoch}</c> placeholder.</summary>
    public string Path { get; }

    /// <summary>The monitored series.</summary>
    public string Monitor { get; }

    /// <summary>Whether only improving epochs are saved.</summary>
    public bool SaveBestOnly { get; }

    /// <summary>Whether the files hold the optimiser's state.</summary>
    public bool IncludeOptimizerState { get; }

    /// <summary>Smallest change that counts as an improvement.</summary>
    public float MinDelta { get; }

    /// <summary>Whether larger values are better.</summary>
    public bool Maximize { get; }

    /// <summary>The epoch last saved by the latest <c>Fit</c>, or -1.</summary>
    public int SavedEpoch { get; private set; } = -1;

    /// <summary>The monitored value of the best epoch of the latest <c>Fit</c>, or NaN.</summary>
    public double Best { get; private set; } = double.NaN;

    /// <summary>The file name for <paramref name="epoch"/>.</summary>
    public string PathFor(int epoch) => Path.Replace("{epoch}", epoch.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Forgets the previous run's best; checks that the optimiser's state can be saved if it is asked for.</summary>
    internal void Begin(IOptimizer optimizer)
    {
        if (IncludeOptimizerState && optimizer is not IOptimizerState)
            throw new ArgumentException($"The checkpoint includes the optimiser's state, but {optimizer.GetType().Name} does not implement IOptimizerState.", "options");
        SavedEpoch = -1;
        Best = double.NaN;
    }

    /// <summary>Saves after epoch <paramref name="epoch"/> if the rule says so.</summary>
    internal void EpochEnded(INetwork network, IOptimizer optimizer, int epoch, double monitored)
    {
        bool improved = MonitoredSeries.IsImprovement(monitored, Best, Maximize, MinDelta);
        if (improved) Best = monitored;
        if (SaveBestOnly && !improved) return;
        WeightsFile.Save(network, PathFor(epoch), IncludeOptimizerState ? (IOptimizerState)optimizer : null);
        SavedEpoch = epoch;
    }
}
