using System;
using System.Collections.Generic;
using System.Threading;
using NeuralDsl.Optimizers;
using NeuralDsl.Schedules;

namespace NeuralDsl.Training;

/// <summary>
/// How <see cref="Trainer.Fit(ITrainableNetwork, NeuralDsl.Data.Dataset, NeuralDsl.Data.Dataset?, TrainingOptions?)"/> trains:
/// the run-time counterparts of Keras' <c>fit</c> arguments and callbacks. Every property has a default.
/// A record: <c>with</c> copies it with some settings changed, for example the declared settings plus a
/// schedule: <c>net.DeclaredTraining.ToOptions() with { Schedule = new CosineAnnealing(tMax: 50), Seed = 3 }</c>.
/// </summary>
/// <example>
/// <code>
/// var history = net.Fit(train, validation, new TrainingOptions
/// {
///     Epochs = 50,
///     BatchSize = 32,
///     Metrics = [Metric.Accuracy],
///     EarlyStopping = new EarlyStopping("val_loss", patience: 5),
///     Schedule = new CosineAnnealing(tMax: 50),
/// });
/// </code>
/// </example>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training data. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per gradient step: 1 for stochastic, the dataset size for full batch. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Whether to reshuffle the training samples before each epoch. Default true.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffles. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Fraction of the training data, taken from its end before any shuffle (as Keras does), held out
    /// for validation when no validation set is given. Default 0 (none).
    /// </summary>
    public double ValidationSplit { get; init; }

    /// <summary>Metrics recorded per epoch, for training and validation (<c>accuracy</c>, <c>val_accuracy</c>, ...).</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = Array.Empty<Metric>();

    /// <summary>Early stopping, or null for none.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Saves the weights during training (the best epoch, or every epoch), or null for none.</summary>
    public ModelCheckpoint? Checkpoint { get; init; }

    /// <summary>
    /// The epoch to start at, as Keras' <c>initial_epoch</c>: <c>Fit</c> runs epochs <c>InitialEpoch</c> to
    /// <see cref="Epochs"/> - 1, so a run resumed from a checkpoint continues where it stopped. The
    /// shuffles of the skipped epochs are replayed first, so epoch k sees the same sample order as in an
    /// uninterrupted run with the same <see cref="Seed"/>. Schedules, reports, checkpoints and messages
    /// number the epochs as that run does; the returned <see cref="History"/> holds the epochs run, the
    /// first being <c>InitialEpoch</c>. Default 0.
    /// </summary>
    public int InitialEpoch { get; init; }

    /// <summary>Learning-rate schedule evaluated before each epoch, or null to keep the rate constant.</summary>
    public ILearningRateSchedule? Schedule { get; init; }

    /// <summary>The optimiser; null uses the network's <see cref="ITrainableNetwork.TrainingOptimizer"/> (the declared one).</summary>
    public IOptimizer? Optimizer { get; init; }

    /// <summary>Base learning rate; null keeps the optimiser's.</summary>
    public float? LearningRate { get; init; }

    /// <summary>Clip the gradient's global L2 norm to this value before each step; 0 (default) is off.</summary>
    public float ClipNorm { get; init; }

    /// <summary>Clamp every gradient value to ±this before each step; 0 (default) is off.</summary>
    public float ClipValue { get; init; }

    /// <summary>Run-time L1 penalty on every dense layer's weights (biases excluded), added to any declared one. Default 0.</summary>
    public float L1 { get; init; }

    /// <summary>Run-time L2 penalty (<c>L2 * sum w^2</c>) on every dense layer's weights, added to any declared one. Default 0.</summary>
    public float L2 { get; init; }

    /// <summary>Called after each epoch with its results (on the training thread).</summary>
    public Action<EpochReport>? OnEpochEnd { get; init; }

    /// <summary>Receives each epoch's results; an alternative to <see cref="OnEpochEnd"/> for UI progress.</summary>
    public IProgress<EpochReport>? Progress { get; init; }

    /// <summary>Called after each batch with its loss.</summary>
    public Action<BatchReport>? OnBatchEnd { get; init; }

    /// <summary>Stops training between batches; the epoch in progress is not recorded.</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>One epoch's results, as passed to <see cref="TrainingOptions.OnEpochEnd"/>.</summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="Epochs">Epochs requested.</param>
/// <param name="Loss">Mean training loss over the epoch's samples (training mode, penalties included).</param>
/// <param name="ValidationLoss">Validation loss (inference mode), or NaN without validation data.</param>
/// <param name="LearningRate">The learning rate used in this epoch.</param>
/// <param name="History">The history so far, for metric values (<c>History.Value("val_accuracy", Epoch)</c>).</param>
public readonly record struct EpochReport(int Epoch, int Epochs, double Loss, double ValidationLoss, float LearningRate, History History);

/// <summary>One batch's result, as passed to <see cref="TrainingOptions.OnBatchEnd"/>.</summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="Batch">The batch within the epoch, from 0.</param>
/// <param name="Batches">Batches in the epoch.</param>
/// <param name="Loss">The batch's mean loss before the step.</param>
public readonly record struct BatchReport(int Epoch, int Batch, int Batches, float Loss);

/// <summary>The result of <see cref="Trainer.Evaluate"/>: the loss and each requested metric, by name.</summary>
/// <param name="Loss">Mean loss over the samples, in inference mode, declared penalties included.</param>
/// <param name="Metrics">Each metric by its name (<c>accuracy</c>, <c>mae</c>, <c>mse</c>, <c>top_5_accuracy</c>).</param>
public sealed record Evaluation(double Loss, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The loss and each metric on a line of their own, names aligned: <c>loss      0.0712</c>.</summary>
    public override string ToString()
    {
        int width = "loss".Length;
        foreach (string name in Metrics.Keys) width = Math.Max(width, name.Length);
        var text = new System.Text.StringBuilder();
        text.Append("loss".PadRight(width)).Append("  ").Append(Reports.ReportNumber.Format(Loss)).Append('\n');
        foreach (KeyValuePair<string, double> metric in Metrics)
            text.Append(metric.Key.PadRight(width)).Append("  ").Append(Reports.ReportNumber.Format(metric.Value)).Append('\n');
        return text.ToString();
    }
}
