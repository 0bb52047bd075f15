using System;
using System.Collections.Generic;
using System.Globalization;
using NeuralDsl.Data;
using NeuralDsl.Optimizers;

namespace NeuralDsl.Training;

/// <summary>
/// Keras-style training and evaluation of any generated network: mini-batches reshuffled each epoch,
/// validation, metrics, learning-rate schedules, gradient clipping, run-time penalties, early stopping
/// with best-weight restoration, divergence detection, callbacks and cancellation. After the first
/// epoch an epoch allocates nothing (what the caller's callbacks allocate aside).
/// </summary>
/// <example>
/// <code>
/// var (train, test) = DataSplit.TrainTest(data, testFraction: 0.2, seed: 1, stratify: true);
/// var scaler = new StandardScaler();
/// scaler.FitTransform(train);
/// scaler.Transform(test);
/// var net = new IrisNet(seed: 42);
/// History history = net.Fit(train, validation: null, new TrainingOptions
/// {
///     Epochs = 200, BatchSize = 16, ValidationSplit = 0.2, Metrics = [Metric.Accuracy],
///     EarlyStopping = new EarlyStopping("val_loss", patience: 10),
/// });
/// Evaluation result = net.Evaluate(test, [Metric.Accuracy]);
/// </code>
/// </example>
public static class Trainer
{
    private const int EvaluationChunk = 256;

    /// <summary>
    /// Trains with the declared optimiser as the declaration says (<see cref="ITrainableNetwork.DeclaredTraining"/>:
    /// epochs, batch size, validation split, early stopping, clipping), the <see cref="TrainingOptions"/>
    /// defaults for what it does not declare (10 epochs, batches of 32); <paramref name="epochs"/> and
    /// <paramref name="batchSize"/>, when given, replace the declared ones.
    /// </summary>
    public static History Fit(this ITrainableNetwork network, Dataset train, Dataset? validation = null, int? epochs = null, int? batchSize = null)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        return Fit(network, train, validation, network.DeclaredTraining.ToOptions(epochs, batchSize));
    }

    /// <summary>
    /// Trains <paramref name="network"/> on <paramref name="train"/> as <paramref name="options"/> say, and
    /// returns the per-epoch history. Everything is checked before the first step: sizes, targets valid
    /// for the loss, options. <paramref name="train"/> is not modified or copied: each epoch shuffles an
    /// index and gathers its batches into buffers reused from batch to batch.
    /// </summary>
    public static History Fit(this ITrainableNetwork network, Dataset train, Dataset? validation, TrainingOptions options)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (train is null) throw new ArgumentNullException(nameof(train));
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (options.Epochs <= 0) throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "Epochs must be positive.");
        if (options.InitialEpoch < 0 || options.InitialEpoch >= options.Epochs)
            throw new ArgumentOutOfRangeException(nameof(options), options.InitialEpoch, "InitialEpoch must be in [0, Epochs).");
        if (options.BatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be positive.");
        if (!(options.ClipNorm >= 0f) || !(options.ClipValue >= 0f) || !(options.L1 >= 0f) || !(options.L2 >= 0f))
            throw new ArgumentOutOfRangeException(nameof(options), "ClipNorm, ClipValue, L1 and L2 must not be negative.");
        CheckData(network, train, nameof(train));
        (train, validation) = HoldOut(train, validation, options.ValidationSplit);
        if (validation is not null) CheckData(network, validation, nameof(validation));
        foreach (Metric metric in options.Metrics) Metrics.Check(metric, network.Loss, network.TargetSize, network.OutputSize);

        var series = new List<string> { "loss" };
        if (validation is not null) series.Add("val_loss");
        foreach (Metric metric in options.Metrics) series.Add(Metrics.NameOf(metric));
        if (validation is not null)
            foreach (Metric metric in options.Metrics) series.Add("val_" + Metrics.NameOf(metric));
        EarlyStopping? stopping = options.EarlyStopping;
        string monitor = stopping?.Monitor ?? (validation is not null ? "val_loss" : "loss");
        int monitorColumn = series.IndexOf(monitor);
        if (monitorColumn < 0)
            throw new InvalidOperationException(monitor.StartsWith("val_", StringComparison.Ordinal) && validation is null
                ? $"Early stopping monitors '{monitor}', but there is no validation data: pass validation data or a ValidationSplit, or monitor \"loss\"."
                : $"Early stopping monitors '{monitor}', which is not recorded. Recorded: {string.Join(", ", series)}.");

        ModelCheckpoint? checkpoint = options.Checkpoint;
        int checkpointColumn = checkpoint is null ? -1 : series.IndexOf(checkpoint.Monitor);
        if (checkpoint is not null && checkpointColumn < 0)
            throw new InvalidOperationException($"The checkpoint monitors '{checkpoint.Monitor}', which is not recorded. Recorded: {string.Join(", ", series)}.");

        IOptimizer optimizer = options.Optimizer ?? network.TrainingOptimizer;
        CheckOptimizerSize(optimizer, network.ParameterCount, options.Optimizer is null ? nameof(network) : nameof(options));
        checkpoint?.Begin(optimizer);
        float baseRate = options.LearningRate is float explicitRate
            ? NetworkGuard.LearningRate(explicitRate, nameof(options), "TrainingOptions.LearningRate")
            : NetworkGuard.LearningRate(optimizer.LearningRate, nameof(options), "The optimiser's LearningRate");
        options.Schedule?.Reset();

        var run = new TrainingRun(network, train, validation, options, series.Count, optimizer);
        var history = new History(series, options.Epochs - options.InitialEpoch);
        run.SkipEpochs(options.InitialEpoch);
        double[] row = new double[series.Count];
        double best = double.NaN, previous = double.NaN;
        int wait = 0;
        for (int epoch = options.InitialEpoch; epoch < options.Epochs; epoch++)
        {
            if (options.CancellationToken.IsCancellationRequested) return Stop(history, StopReason.Cancelled, Invariant($"Cancelled before epoch {epoch + 1}."));
            float rate = options.Schedule?.LearningRateFor(epoch, baseRate, (float)previous) ?? baseRate;
            optimizer.LearningRate = rate;

            StopReason? stopped = run.TrainEpoch(epoch, row, out string message);
            if (stopped == StopReason.Cancelled) return Stop(history, StopReason.Cancelled, message);
            if (stopped == StopReason.Diverged)
            {
                run.RestoreBest();
                history.RestoredEpoch = run.BestEpoch;
                return Stop(history, StopReason.Diverged, message + (run.BestEpoch >= 0
                    ? Invariant($" Restored the parameters of epoch {run.BestEpoch + 1} ({monitor} {best:G6}).")
                    : " Restored the initial parameters.") + " Lower the learning rate, scale the inputs, or clip gradients (ClipNorm).");
            }
            run.Validate(row);
            history.Record(row, rate);
            var report = new EpochReport(epoch, options.Epochs, row[0], validation is null ? double.NaN : row[1], rate, history);
            options.OnEpochEnd?.Invoke(report);
            options.Progress?.Report(report);
            checkpoint?.EpochEnded(network, optimizer, epoch, row[checkpointColumn]);

            double current = row[monitorColumn];
            previous = current;
            bool improved = stopping?.IsImprovement(current, best) ?? (!double.IsNaN(current) && (double.IsNaN(best) || current < best));
            if (improved)
            {
                best = current;
                run.KeepBest(epoch);
                wait = 0;
                continue;
            }
            // Keras' rule: stop once `patience` epochs in a row have not improved (patience 0: the first one).
            if (stopping is null || ++wait < stopping.Patience) continue;
            if (stopping.RestoreBestWeights)
            {
                run.RestoreBest();
                history.RestoredEpoch = run.BestEpoch;
            }
            string restored = stopping.RestoreBestWeights ? Invariant($"; restored the parameters of epoch {run.BestEpoch + 1}.") : ".";
            return Stop(history, StopReason.EarlyStopping,
                Invariant($"Early stopping after epoch {epoch + 1}: {monitor} has not improved on {best:G6} (epoch {run.BestEpoch + 1}) for {wait} epoch(s)") + restored);
        }
        return Stop(history, StopReason.Completed, Invariant($"Completed {options.Epochs} epochs."));
    }

    /// <summary>Mean loss (inference mode) and the requested metrics over <paramref name="data"/>.</summary>
    public static Evaluation Evaluate(this ITrainableNetwork network, Dataset data, IReadOnlyList<Metric>? metrics = null)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (data is null) throw new ArgumentNullException(nameof(data));
        metrics ??= Array.Empty<Metric>();
        CheckData(network, data, nameof(data));
        foreach (Metric metric in metrics) Metrics.Check(metric, network.Loss, network.TargetSize, network.OutputSize);
        double[] values = new double[metrics.Count];
        double loss = EvaluateInto(network, data, metrics, new float[EvaluationChunk * network.OutputSize], values, 0f, 0f);
        var named = new Dictionary<string, double>();
        for (int i = 0; i < metrics.Count; i++) named[Metrics.NameOf(metrics[i])] = values[i];
        return new Evaluation(loss, named);
    }

    /// <summary>Loss over <paramref name="data"/> in chunks (inference mode), metrics into <paramref name="metricValues"/>. Allocates nothing.</summary>
    internal static double EvaluateInto(ITrainableNetwork network, Dataset data, IReadOnlyList<Metric> metrics, float[] outputs,
        Span<double> metricValues, float l1, float l2)
    {
        int chunk = outputs.Length / network.OutputSize;
        double loss = 0;
        Span<double> sums = stackalloc double[metricValues.Length];
        Span<long> counts = stackalloc long[metricValues.Length];
        for (int b = 0, batches = data.BatchCount(chunk); b < batches; b++)
        {
            Batch batch = data.Batch(b, chunk);
            loss += (double)network.ComputeLoss(batch.Features, batch.Targets) * batch.Count;
            if (metrics.Count == 0) continue;
            Span<float> predicted = outputs.AsSpan(0, batch.Count * network.OutputSize);
            network.PredictBatch(batch.Features, predicted);
            for (int m = 0; m < metrics.Count; m++)
                Metrics.Accumulate(metrics[m], network.Loss, predicted, network.OutputSize, batch.Targets, network.TargetSize, ref sums[m], ref counts[m], network.FromLogits);
        }
        for (int m = 0; m < metricValues.Length; m++) metricValues[m] = sums[m] / counts[m];
        float penalty = l1 > 0f || l2 > 0f ? Regularization.PenaltyOfNetwork(network.Layers, network.Parameters, l1, l2) : 0f;
        return loss / data.Count + penalty;
    }

    /// <summary>Checks sizes, and that the targets are valid for the network's loss, before anything runs.</summary>
    private static void CheckData(ITrainableNetwork network, Dataset data, string name)
    {
        if (data.FeatureSize != network.InputSize)
            throw new ArgumentException(Invariant($"The {name} data has {data.FeatureSize} features per sample, but the network's InputSize is {network.InputSize}."), name);
        if (data.TargetSize != network.TargetSize)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {name} data has {data.TargetSize} targets per sample, but the network's TargetSize is {network.TargetSize}") +
                (network.Loss == Loss.SparseCategoricalCrossEntropy ? " (one class index per sample)." : " (one per output; use OneHot.Encode for class labels)."), name);
        TargetGuard.Check(data.Targets, network.Loss, network.TargetSize, network.OutputSize, name, " of the " + name + " data");
    }

    /// <summary>An optimiser built for another parameter count would fail only inside the first step: refuse it before training starts.</summary>
    private static void CheckOptimizerSize(IOptimizer optimizer, int parameterCount, string parameterName)
    {
        int? size = optimizer switch
        {
            Sgd o => o.ParameterCount,
            Adagrad o => o.ParameterCount,
            RMSprop o => o.ParameterCount,
            Adam o => o.ParameterCount,
            AdamW o => o.ParameterCount,
            _ => null, // another implementation: its Step checks the spans
        };
        if (size is int count && count != parameterCount)
            throw new ArgumentException(
                Invariant($"The optimiser was built for {count} parameters, but the network has {parameterCount}; create it with the network's ParameterCount."),
                parameterName);
    }

    private static (Dataset Train, Dataset? Validation) HoldOut(Dataset train, Dataset? validation, double split)
    {
        if (split == 0) return (train, validation); // training reads it through a shuffled index: no copy
        if (!(split > 0 && split < 1)) throw new ArgumentOutOfRangeException(nameof(split), split, "ValidationSplit must be in (0, 1).");
        if (validation is not null) throw new ArgumentException("Pass validation data or a ValidationSplit, not both.", nameof(validation));
        int held = (int)Math.Round(train.Count * split);
        if (held < 1 || held >= train.Count)
            throw new ArgumentOutOfRangeException(nameof(split), split, Invariant($"A ValidationSplit of {split} of {train.Count} samples leaves the training or the validation part empty."));
        (Dataset first, Dataset second) = train.Split(train.Count - held);
        return (first, second);
    }

    private static History Stop(History history, StopReason reason, string message)
    {
        history.StopReason = reason;
        history.StopMessage = message;
        return history;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
