using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using NeuralDsl.Data;
using NeuralDsl.Optimizers;

namespace NeuralDsl.Training;

/// <summary>
/// The buffers and the epoch loop of one <see cref="Trainer"/> run. Everything is allocated here, at
/// the start, so that an epoch allocates nothing.
/// </summary>
internal sealed class TrainingRun
{
    private const int EvaluationChunk = 256;
    private readonly ITrainableNetwork _network;
    private readonly Dataset _train;
    private readonly Dataset? _validation;
    private readonly TrainingOptions _options;
    private readonly IOptimizer _optimizer;
    private readonly IReadOnlyList<Metric> _metrics;
    private readonly float[] _bestParameters;
    private readonly float[] _bestState;
    private readonly float[] _outputs;
    private readonly double[] _metricSums;
    private readonly long[] _metricCounts;
    private readonly double[] _validationMetrics;
    private readonly int _batches;
    private readonly int[] _order;
    private readonly float[] _batchFeatures;
    private readonly float[] _batchTargets;
    private SeededRandom _random;

    public TrainingRun(ITrainableNetwork network, Dataset train, Dataset? validation, TrainingOptions options, int seriesCount, IOptimizer optimizer)
    {
        _network = network;
        _train = train;
        _validation = validation;
        _options = options;
        _optimizer = optimizer;
        _metrics = options.Metrics;
        _bestParameters = network.Parameters.ToArray();
        _bestState = network.State.ToArray();
        _outputs = new float[EvaluationChunk * network.OutputSize];
        _metricSums = new double[_metrics.Count];
        _metricCounts = new long[_metrics.Count];
        _validationMetrics = new double[_metrics.Count];
        _random = new SeededRandom(options.Seed);
        _batches = train.BatchCount(options.BatchSize);
        _order = new int[train.Count];
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        int rows = Math.Min(options.BatchSize, train.Count);
        _batchFeatures = options.Shuffle ? new float[rows * train.FeatureSize] : Array.Empty<float>();
        _batchTargets = options.Shuffle ? new float[rows * train.TargetSize] : Array.Empty<float>();
        // Batch normalisation of single values (a vector, or an image of one position) cannot normalise a
        // batch of one: a last batch of one sample is left out of the epoch (a different sample each epoch
        // when shuffling). After a convolution a sample's positions are statistics enough.
        if (NormalizesSingleValues(network))
        {
            if (train.Count < 2)
                throw new ArgumentException("BatchNormalization needs at least 2 samples per batch, but the training data has 1 sample (after any validation split): train on more samples.", nameof(train));
            if (options.BatchSize < 2)
                throw new ArgumentException("BatchNormalization needs at least 2 samples per batch: use a BatchSize of at least 2.", nameof(options));
            if (train.Count % options.BatchSize == 1) _batches--;
        }
    }

    /// <summary>The epoch whose parameters are kept as the best so far, or -1.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <summary>One pass over the training data; writes the loss and training metrics into <paramref name="row"/>.</summary>
    // The per-batch paths of a run are compiled fully optimised at their first call: a run of a few
    // seconds otherwise spends much of it in first-tier code (digits: 0.41-0.46 s, then 0.27-0.34 s).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StopReason? TrainEpoch(int epoch, double[] row, out string message)
    {
        message = "";
        if (_options.Shuffle) Shuffle(_order, ref _random);
        Array.Clear(_metricSums);
        Array.Clear(_metricCounts);
        double lossSum = 0;
        long samples = 0;
        for (int b = 0; b < _batches; b++)
        {
            if (_options.CancellationToken.IsCancellationRequested)
            {
                message = Invariant($"Cancelled during epoch {epoch + 1}, after {b} of {_batches} batches; that epoch is not recorded.");
                return StopReason.Cancelled;
            }
            Batch batch = _options.Shuffle ? Gather(b) : _train.Batch(b, _options.BatchSize);
            float loss = _network.ComputeGradients(batch.Features, batch.Targets);
            Span<float> gradients = _network.Gradients;
            if (_options.L1 > 0f || _options.L2 > 0f)
                loss += Regularization.ApplyToNetwork(_network.Layers, _network.Parameters, gradients, _options.L1, _options.L2);
            if (!float.IsFinite(loss))
            {
                message = Invariant($"Training diverged in epoch {epoch + 1}, batch {b + 1}: the loss became {loss}.");
                return StopReason.Diverged;
            }
            if (_options.ClipValue > 0f) GradientClipping.ByValue(gradients, _options.ClipValue);
            if (_options.ClipNorm > 0f) GradientClipping.ByGlobalNorm(gradients, _options.ClipNorm);
            for (int m = 0; m < _metrics.Count; m++)
                Metrics.Accumulate(_metrics[m], _network.Loss, _network.TrainingOutputs, _network.OutputSize, batch.Targets, _network.TargetSize,
                    ref _metricSums[m], ref _metricCounts[m], _network.FromLogits);
            _optimizer.Step(_network.Parameters, gradients);
            lossSum += (double)loss * batch.Count;
            samples += batch.Count;
            _options.OnBatchEnd?.Invoke(new BatchReport(epoch, b, _batches, loss));
        }
        row[0] = lossSum / samples;
        int column = _validation is null ? 1 : 2;
        for (int m = 0; m < _metrics.Count; m++) row[column + m] = _metricSums[m] / _metricCounts[m];
        return null;
    }

    /// <summary>Replays the shuffles of the first <paramref name="epochs"/> epochs without training, so that a resumed run shuffles as an uninterrupted one.</summary>
    public void SkipEpochs(int epochs)
    {
        if (!_options.Shuffle) return;
        for (int epoch = 0; epoch < epochs; epoch++) Shuffle(_order, ref _random);
    }

    /// <summary>Writes the validation loss and metrics into <paramref name="row"/> (inference mode).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Validate(double[] row)
    {
        if (_validation is null) return;
        row[1] = Trainer.EvaluateInto(_network, _validation, _metrics, _outputs, _validationMetrics, _options.L1, _options.L2);
        for (int m = 0; m < _metrics.Count; m++) row[2 + _metrics.Count + m] = _validationMetrics[m];
    }

    /// <summary>Batch <paramref name="index"/> of the shuffled order, copied into the reusable batch buffers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Batch Gather(int index)
    {
        int start = index * _options.BatchSize, count = Math.Min(_options.BatchSize, _train.Count - start);
        int features = _train.FeatureSize, targets = _train.TargetSize;
        for (int r = 0; r < count; r++)
        {
            int sample = _order[start + r];
            _train.Features.Slice(sample * features, features).CopyTo(_batchFeatures.AsSpan(r * features));
            _train.Targets.Slice(sample * targets, targets).CopyTo(_batchTargets.AsSpan(r * targets));
        }
        return new Batch(_batchFeatures.AsSpan(0, count * features), _batchTargets.AsSpan(0, count * targets), count);
    }

    /// <summary>Fisher-Yates over the sample order, from the run's seeded generator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Shuffle(int[] order, ref SeededRandom random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    public void KeepBest(int epoch)
    {
        _network.Parameters.CopyTo(_bestParameters);
        _network.State.CopyTo(_bestState);
        BestEpoch = epoch;
    }

    public void RestoreBest()
    {
        _bestParameters.CopyTo(_network.Parameters);
        _bestState.CopyTo(_network.State);
        _optimizer.Reset();
    }

    /// <summary>Whether a batch normalisation layer has one value per channel and sample, so that its statistics need two samples.</summary>
    private static bool NormalizesSingleValues(INetwork network)
    {
        foreach (LayerInfo layer in network.Layers)
            if (layer.Kind == LayerKind.BatchNormalization && layer.Inputs == layer.OutputShape.Channels) return true;
        return false;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
