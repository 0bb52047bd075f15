using System;
using BenchmarkDotNet.Attributes;
using NeuralDsl.Data;

namespace NeuralDsl.Benchmarks;

/// <summary>R3 deep-narrow (32, ten Dense(32, tanh), 1): single-sample inference, a batch of 64, and a single-sample SGD step.</summary>
[MemoryDiagnoser]
[Config(typeof(WorkloadConfig))]
public class DeepNarrowBenchmarks
{
    private readonly DeepNarrowNet _net = new(seed: 42);
    private readonly float[] _output = new float[DeepNarrowNet.OutputSize * 64];
    private float[] _features = [];
    private float[] _targets = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        Dataset data = SyntheticData.Regression(SyntheticData.SmallSamples, DeepNarrowNet.InputSize, DeepNarrowNet.TargetSize);
        (_features, _targets) = SyntheticData.Head(data, SyntheticData.SmallSamples);
    }

    [Benchmark(Description = "R3 Predict 1")]
    public float Predict()
    {
        int n = _next = (_next + 1) & 63;
        _net.Predict(_features.AsSpan(n * DeepNarrowNet.InputSize, DeepNarrowNet.InputSize), _output.AsSpan(0, DeepNarrowNet.OutputSize));
        return _output[0];
    }

    [Benchmark(Description = "R3 PredictBatch 64"), Samples(64)]
    public float PredictBatch()
    {
        _net.PredictBatch(_features, _output);
        return _output[63];
    }

    [Benchmark(Description = "R3 TrainStep 1 (SGD, MSE)")]
    public float TrainStep()
    {
        int n = _next = (_next + 1) & 63;
        return _net.TrainStep(_features.AsSpan(n * DeepNarrowNet.InputSize, DeepNarrowNet.InputSize), _targets.AsSpan(n, 1));
    }
}
