using System;
using NeuralDsl.Data;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// Deterministic synthetic data, the same values in every language of the peer comparison: value
/// <c>i</c> of stream <c>seed</c> is a 32-bit integer hash of (i, seed). torch_bench.py and
/// fann_bench.c implement the same <see cref="Hash"/>; keep the three in step.
/// </summary>
public static class SyntheticData
{
    /// <summary>Samples in the R2 training set (the size of MNIST's).</summary>
    public const int MnistSamples = 60_000;

    /// <summary>Samples in the R1 and R3 sets; single-sample operations use sample 0, batches the first 64.</summary>
    public const int SmallSamples = 64;

    /// <summary>Stream seeds: features, then targets.</summary>
    public const uint FeatureSeed = 1, TargetSeed = 2;

    /// <summary>A 32-bit mix of (<paramref name="index"/>, <paramref name="seed"/>): lowbias32 over a Weyl sequence.</summary>
    public static uint Hash(uint index, uint seed)
    {
        uint h = unchecked(index * 2654435761u + seed * 2246822519u);
        h ^= h >> 16;
        h = unchecked(h * 0x7FEB352Du);
        h ^= h >> 15;
        h = unchecked(h * 0x846CA68Bu);
        h ^= h >> 16;
        return h;
    }

    /// <summary>A uniform value in [0, 1) with 24 bits.</summary>
    public static float Unit(uint index, uint seed) => (Hash(index, seed) >> 8) * (1f / (1 << 24));

    /// <summary>A uniform value in [-1, 1).</summary>
    public static float Signed(uint index, uint seed) => 2f * Unit(index, seed) - 1f;

    /// <summary>Regression data: features and targets uniform in [-1, 1).</summary>
    public static Dataset Regression(int samples, int features, int targets)
    {
        float[] x = new float[samples * features];
        float[] y = new float[samples * targets];
        for (int i = 0; i < x.Length; i++) x[i] = Signed((uint)i, FeatureSeed);
        for (int i = 0; i < y.Length; i++) y[i] = Signed((uint)i, TargetSeed);
        return new Dataset(x, features, y, targets);
    }

    /// <summary>Classification data: features uniform in [0, 1) (like pixel intensities), one-hot targets of class <c>hash % classes</c>.</summary>
    public static Dataset Classification(int samples, int features, int classes)
    {
        float[] x = new float[samples * features];
        float[] y = new float[samples * classes];
        for (int i = 0; i < x.Length; i++) x[i] = Unit((uint)i, FeatureSeed);
        for (int n = 0; n < samples; n++) y[n * classes + (int)(Hash((uint)n, TargetSeed) % (uint)classes)] = 1f;
        return new Dataset(x, features, y, classes);
    }

    /// <summary>The first <paramref name="count"/> rows of features and targets, as arrays for the hot loops.</summary>
    public static (float[] Features, float[] Targets) Head(Dataset data, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (data.Features[..(count * data.FeatureSize)].ToArray(), data.Targets[..(count * data.TargetSize)].ToArray());
    }
}
