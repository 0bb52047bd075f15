using System;

namespace NeuralDsl;

/// <summary>
/// Fills parameter spans according to an <see cref="Init"/>. Called by generated constructors; usable
/// directly to re-initialise part of a network.
/// </summary>
public static class Initializers
{
    // Standard deviation of a unit normal truncated to [-2, 2]; dividing by it restores unit variance (Keras does the same).
    private const double TruncatedNormalStdDev = 0.87962566103423978;

    /// <summary>Fills <paramref name="values"/> from <paramref name="init"/>.</summary>
    /// <param name="values">The parameters to fill.</param>
    /// <param name="init">The initialiser; <see cref="Init.Default"/> is resolved by the generator and is rejected here.</param>
    /// <param name="fanIn">Inputs of the layer.</param>
    /// <param name="fanOut">Units of the layer.</param>
    /// <param name="first">Value (Constant), mean (RandomNormal) or minimum (RandomUniform); ignored otherwise.</param>
    /// <param name="second">Standard deviation (RandomNormal) or maximum (RandomUniform); ignored otherwise.</param>
    /// <param name="random">The generator, advanced by the number of draws.</param>
    public static void Fill(Span<float> values, Init init, int fanIn, int fanOut, float first, float second, ref SeededRandom random)
    {
        if (fanIn <= 0) throw new ArgumentOutOfRangeException(nameof(fanIn), fanIn, "Fan-in must be positive.");
        if (fanOut <= 0) throw new ArgumentOutOfRangeException(nameof(fanOut), fanOut, "Fan-out must be positive.");
        switch (init)
        {
            case Init.Zeros: values.Clear(); break;
            case Init.Ones: values.Fill(1f); break;
            case Init.Constant: values.Fill(first); break;
            case Init.RandomNormal: Normal(values, first, second, ref random); break;
            case Init.RandomUniform: Uniform(values, first, second, ref random); break;
            case Init.GlorotNormal: TruncatedNormal(values, Math.Sqrt(2.0 / (fanIn + fanOut)), ref random); break;
            case Init.GlorotUniform: Symmetric(values, Math.Sqrt(6.0 / (fanIn + fanOut)), ref random); break;
            case Init.HeNormal: TruncatedNormal(values, Math.Sqrt(2.0 / fanIn), ref random); break;
            case Init.HeUniform: Symmetric(values, Math.Sqrt(6.0 / fanIn), ref random); break;
            case Init.LeCunNormal: TruncatedNormal(values, Math.Sqrt(1.0 / fanIn), ref random); break;
            case Init.LeCunUniform: Symmetric(values, Math.Sqrt(3.0 / fanIn), ref random); break;
            default: throw new ArgumentOutOfRangeException(nameof(init), init, "Not a concrete initialiser.");
        }
    }

    private static void Normal(Span<float> values, float mean, float stdDev, ref SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(mean + stdDev * random.NextNormal());
    }

    private static void Uniform(Span<float> values, float min, float max, ref SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(min + (max - min) * random.NextDouble());
    }

    private static void Symmetric(Span<float> values, double limit, ref SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(limit * (2.0 * random.NextDouble() - 1.0));
    }

    private static void TruncatedNormal(Span<float> values, double stdDev, ref SeededRandom random)
    {
        double scale = stdDev / TruncatedNormalStdDev;
        for (int i = 0; i < values.Length; i++)
        {
            double x;
            do x = random.NextNormal(); while (x < -2.0 || x > 2.0);
            values[i] = (float)(scale * x);
        }
    }
}
