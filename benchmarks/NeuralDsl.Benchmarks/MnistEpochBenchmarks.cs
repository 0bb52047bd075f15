using BenchmarkDotNet.Attributes;
using NeuralDsl.Data;
using NeuralDsl.Training;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// R2 training throughput: one epoch over 60,000 samples in batches of 64 with Adam, shuffled first.
/// Once through <see cref="Trainer.Fit(ITrainableNetwork, Dataset, Dataset?, int?, int?)"/>, once as
/// the plain loop a user would write (shuffle, then a <c>TrainStep</c> per batch).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WorkloadConfig))]
[WarmupCount(1), IterationCount(5)]
public class MnistEpochBenchmarks
{
    private const int Batch = 64;
    private readonly MnistNet _net = new(seed: 42);
    private Dataset _data = null!;
    private SeededRandom _random = new(7);

    [GlobalSetup]
    public void Setup() =>
        _data = SyntheticData.Classification(SyntheticData.MnistSamples, MnistNet.InputSize, MnistNet.OutputSize);

    [Benchmark(Description = "R2 epoch, Shuffle + TrainStep 64 (Adam)"), Samples(SyntheticData.MnistSamples)]
    public double EpochLoop()
    {
        _data.Shuffle(ref _random);
        double loss = 0;
        for (int b = 0, batches = _data.BatchCount(Batch); b < batches; b++)
        {
            Batch batch = _data.Batch(b, Batch);
            loss += _net.TrainStep(batch.Features, batch.Targets);
        }
        return loss;
    }

    [Benchmark(Description = "R2 epoch, Fit(epochs: 1, batchSize: 64)"), Samples(SyntheticData.MnistSamples)]
    public double EpochFit() => _net.Fit(_data, epochs: 1, batchSize: Batch)["loss"][0];
}
