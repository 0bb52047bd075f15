using System;
using BenchmarkDotNet.Attributes;
using NeuralDsl.Data;

namespace NeuralDsl.Benchmarks;

/// <summary>R1 tiny (8-16-16-1, tanh): single-sample inference, a batch of 64, and a single-sample SGD step.</summary>
[MemoryDiagnoser]
[Config(typeof(WorkloadConfig))]
public class TinyBenchmarks
{
    private readonly TinyNet _net = new(seed: 42);
    private readonly float[] _output = new float[TinyNet.OutputSize * 64];
    private float[] _features = [];
    private float[] _targets = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        Dataset data = SyntheticData.Regression(SyntheticData.SmallSamples, TinyNet.InputSize, TinyNet.TargetSize);
        (_features, _targets) = SyntheticData.Head(data, SyntheticData.SmallSamples);
    }

    [Benchmark(Description = "R1 Predict 1")]
    public float Predict()
    {
        int n = _next = (_next + 1) & 63;
        _net.Predict(_features.AsSpan(n * TinyNet.InputSize, TinyNet.InputSize), _output.AsSpan(0, TinyNet.OutputSize));
        return _output[0];
    }

    [Benchmark(Description = "R1 PredictBatch 64"), Samples(64)]
    public float PredictBatch()
    {
        _net.PredictBatch(_features, _output);
        return _output[63];
    }

    // Cycling through 64 samples keeps the loss away from zero, where denormal gradients would slow every peer down.
    [Benchmark(Description = "R1 TrainStep 1 (SGD, MSE)")]
    public float TrainStep()
    {
        int n = _next = (_next + 1) & 63;
        return _net.TrainStep(_features.AsSpan(n * TinyNet.InputSize, TinyNet.InputSize), _targets.AsSpan(n, 1));
    }
}
