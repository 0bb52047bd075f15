using System;
using System.Collections.Generic;
using System.Globalization;
using NeuralDsl.Data;
using NeuralDsl.Optimizers;

namespace NeuralDsl.Training;

/// <summary>The run-time hyperparameters <see cref="RandomSearch"/> samples from.</summary>
public sealed class SearchSpace
{
    /// <summary>Smallest learning rate; rates are drawn log-uniformly between the bounds. Default 1e-4.</summary>
    public float MinLearningRate { get; init; } = 1e-4f;

    /// <summary>Largest learning rate. Default 1e-1.</summary>
    public float MaxLearningRate { get; init; } = 1e-1f;

    /// <summary>Batch sizes to choose from. Default 16, 32, 64.</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [16, 32, 64];

    /// <summary>Optimisers to choose from (PyTorch defaults for their other hyperparameters). Default SGD and Adam.</summary>
    public IReadOnlyList<Optimizer> Optimizers { get; init; } = [Optimizer.Sgd, Optimizer.Adam];

    /// <summary>Epoch counts to choose from. Default 20.</summary>
    public IReadOnlyList<int> Epochs { get; init; } = [20];
}

/// <summary>One sampled configuration and how it scored.</summary>
/// <param name="LearningRate">Sampled learning rate.</param>
/// <param name="BatchSize">Sampled batch size.</param>
/// <param name="Optimizer">Sampled optimiser.</param>
/// <param name="Epochs">Sampled epoch count.</param>
/// <param name="Objective">Best validation loss reached (lower is better; infinity if training diverged at once).</param>
/// <param name="History">The trial's training history.</param>
public sealed record Trial(float LearningRate, int BatchSize, Optimizer Optimizer, int Epochs, double Objective, History History)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Optimizer} lr={LearningRate:G3} batch={BatchSize} epochs={Epochs}: val_loss {Objective:G5}");
}

/// <summary>
/// Random search over run-time hyperparameters, in the spirit of Keras Tuner's <c>RandomSearch</c>: each
/// trial trains a fresh network (from <c>createNetwork</c>) with a sampled learning rate, batch size,
/// optimiser and epoch count, and is scored by its best validation loss. Seeded, so it is repeatable.
/// </summary>
/// <example>
/// <code>
/// var trials = RandomSearch.Run(() => new IrisNet(seed: 1), train, validation, new SearchSpace(), trials: 10, seed: 7);
/// Trial best = trials[0];
/// </code>
/// </example>
public static class RandomSearch
{
    /// <summary>Runs <paramref name="trials"/> trials and returns them best first.</summary>
    public static IReadOnlyList<Trial> Run(Func<ITrainableNetwork> createNetwork, Dataset train, Dataset validation, SearchSpace space,
        int trials, int seed, TrainingOptions? baseOptions = null)
    {
        if (createNetwork is null) throw new ArgumentNullException(nameof(createNetwork));
        if (space is null) throw new ArgumentNullException(nameof(space));
        if (trials <= 0) throw new ArgumentOutOfRangeException(nameof(trials), trials, "Run at least one trial.");
        if (!(space.MinLearningRate > 0f && space.MinLearningRate <= space.MaxLearningRate))
            throw new ArgumentOutOfRangeException(nameof(space), "Learning-rate bounds must be positive, with the minimum at most the maximum.");
        if (space.BatchSizes.Count == 0 || space.Optimizers.Count == 0 || space.Epochs.Count == 0)
            throw new ArgumentException("Every choice list of the search space needs at least one entry.", nameof(space));

        var random = new SeededRandom(seed);
        var results = new List<Trial>(trials);
        for (int t = 0; t < trials; t++)
        {
            double logMin = Math.Log(space.MinLearningRate), logMax = Math.Log(space.MaxLearningRate);
            float rate = (float)Math.Exp(logMin + (logMax - logMin) * random.NextDouble());
            int batchSize = space.BatchSizes[random.NextInt(space.BatchSizes.Count)];
            Optimizer kind = space.Optimizers[random.NextInt(space.Optimizers.Count)];
            int epochs = space.Epochs[random.NextInt(space.Epochs.Count)];

            ITrainableNetwork network = createNetwork();
            IOptimizer optimizer = OptimizerFactory.Create(kind, network.ParameterCount, rate, 0f, false, 0.9f, 0.999f, float.NaN, float.NaN);
            History history = network.Fit(train, validation, new TrainingOptions
            {
                Epochs = epochs,
                BatchSize = batchSize,
                Optimizer = optimizer,
                Seed = baseOptions?.Seed ?? seed + t,
                Metrics = baseOptions?.Metrics ?? Array.Empty<Metric>(),
                EarlyStopping = baseOptions?.EarlyStopping,
                ClipNorm = baseOptions?.ClipNorm ?? 0f,
            });
            double objective = double.PositiveInfinity;
            if (history.EpochCount > 0)
                foreach (double value in history["val_loss"]) objective = Math.Min(objective, double.IsNaN(value) ? double.PositiveInfinity : value);
            results.Add(new Trial(rate, batchSize, kind, epochs, objective, history));
        }
        results.Sort((a, b) => a.Objective.CompareTo(b.Objective));
        return results;
    }
}
