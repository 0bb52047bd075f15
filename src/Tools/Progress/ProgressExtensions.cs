using System;
using NeuralDsl.Training;

namespace NeuralDsl.Tools.Progress;

/// <summary>Keras-like console progress for <c>Fit</c>.</summary>
/// <example>
/// <code>
/// var history = net.Fit(train, validation, new TrainingOptions
/// {
///     Epochs = 50,
///     Metrics = [Metric.Accuracy],
/// }.WithProgress());
/// </code>
/// On a terminal each epoch shows a batch bar with the running loss and the epoch's ETA, then ends as
/// one line; redirected to a file, each epoch prints one plain line (here the digits sample's second):
/// <code>
/// Epoch 2/200 - 41/41 - 11ms - loss: 1.1803 - accuracy: 0.6705 - val_loss: 0.8642 - val_accuracy: 0.7917 - ETA 4.6s
/// </code>
/// </example>
public static class ProgressExtensions
{
    /// <summary>
    /// A copy of <paramref name="options"/> that also prints training progress as <paramref name="progress"/>
    /// says (default: <see cref="ProgressMode.Auto"/> on the process's console). The progress callbacks run
    /// first, then any <see cref="TrainingOptions.OnBatchEnd"/> and <see cref="TrainingOptions.OnEpochEnd"/>
    /// already set, so a callback that prints starts on a fresh line. With <see cref="ProgressMode.Off"/>
    /// the options are returned as they are.
    /// </summary>
    public static TrainingOptions WithProgress(this TrainingOptions options, ProgressOptions? progress = null)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        progress ??= new ProgressOptions();
        if (progress.RefreshInterval < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(progress), progress.RefreshInterval, "RefreshInterval must not be negative.");
        ConsoleProgress? printer = ConsoleProgress.Create(progress, options.Epochs);
        if (printer is null) return options;

        Action<BatchReport>? userBatchEnd = options.OnBatchEnd;
        Action<EpochReport>? userEpochEnd = options.OnEpochEnd;
        // A copy with every setting of the caller, and the two callbacks wrapped.
        return options with
        {
            OnBatchEnd = batch =>
            {
                printer.BatchEnded(batch);
                userBatchEnd?.Invoke(batch);
            },
            OnEpochEnd = epoch =>
            {
                printer.EpochEnded(epoch);
                userEpochEnd?.Invoke(epoch);
            },
        };
    }
}
