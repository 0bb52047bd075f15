using System;
using NeuralDsl.Data;

namespace NeuralDsl.Tests.Training;

internal static class TrainingData
{
    /// <summary>y = x0 - 2 x1 + noise, deterministic.</summary>
    public static Dataset Linear(int count, int seed, float sign = 1f)
    {
        var random = new SeededRandom(seed);
        float[] x = new float[count * 2], y = new float[count];
        for (int n = 0; n < count; n++)
        {
            x[2 * n] = (float)random.NextNormal();
            x[2 * n + 1] = (float)random.NextNormal();
            y[n] = sign * (x[2 * n] - 2f * x[2 * n + 1]) + 0.05f * (float)random.NextNormal();
        }
        return new Dataset(x, 2, y, 1);
    }

    /// <summary>Two classes separated by the line x0 + x1 = 0 (with a margin).</summary>
    public static Dataset Separable(int count, int seed)
    {
        var random = new SeededRandom(seed);
        float[] x = new float[count * 2], y = new float[count];
        for (int n = 0; n < count; n++)
        {
            float label = random.NextInt(2);
            float offset = label == 1f ? 1f : -1f;
            x[2 * n] = offset + 0.4f * (float)random.NextNormal();
            x[2 * n + 1] = offset + 0.4f * (float)random.NextNormal();
            y[n] = label;
        }
        return new Dataset(x, 2, y, 1);
    }

    /// <summary>Three Gaussian blobs, class index targets.</summary>
    public static Dataset Blobs(int count, int seed)
    {
        var random = new SeededRandom(seed);
        float[] x = new float[count * 2], y = new float[count];
        (float, float)[] centres = [(0f, 2f), (-2f, -1f), (2f, -1f)];
        for (int n = 0; n < count; n++)
        {
            int c = random.NextInt(3);
            x[2 * n] = centres[c].Item1 + 0.5f * (float)random.NextNormal();
            x[2 * n + 1] = centres[c].Item2 + 0.5f * (float)random.NextNormal();
            y[n] = c;
        }
        return new Dataset(x, 2, y, 1);
    }
}
