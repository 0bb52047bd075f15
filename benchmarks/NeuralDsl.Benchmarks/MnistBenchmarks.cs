using System;
using BenchmarkDotNet.Attributes;
using NeuralDsl.Data;

namespace NeuralDsl.Benchmarks;

/// <summary>R2 mnist-mlp (784-128-64-10): single-sample inference, a batch of 64, and an Adam step on a batch of 64.</summary>
[MemoryDiagnoser]
[Config(typeof(WorkloadConfig))]
public class MnistBenchmarks
{
    private const int Batch = 64;
    private readonly MnistNet _net = new(seed: 42);
    private readonly float[] _output = new float[MnistNet.OutputSize * Batch];
    private Dataset _data = null!;
    private float[] _features = [];
    private int _next;
    private int _nextBatch;

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticData.Classification(SyntheticData.MnistSamples, MnistNet.InputSize, MnistNet.OutputSize);
        (_features, _) = SyntheticData.Head(_data, Batch);
    }

    [Benchmark(Description = "R2 Predict 1")]
    public float Predict()
    {
        int n = _next = (_next + 1) & (Batch - 1);
        _net.Predict(_features.AsSpan(n * MnistNet.InputSize, MnistNet.InputSize), _output.AsSpan(0, MnistNet.OutputSize));
        return _output[0];
    }

    [Benchmark(Description = "R2 PredictBatch 64"), Samples(Batch)]
    public float PredictBatch()
    {
        _net.PredictBatch(_features, _output);
        return _output[Batch * MnistNet.OutputSize - 1];
    }

    // Walks the full batches of the training set in order, as an epoch would.
    [Benchmark(Description = "R2 TrainStep 64 (Adam, CE)"), Samples(Batch)]
    public float TrainStep()
    {
        int b = _nextBatch = (_nextBatch + 1) % (SyntheticData.MnistSamples / Batch);
        Batch batch = _data.Batch(b, Batch);
        return _net.TrainStep(batch.Features, batch.Targets);
    }
}
