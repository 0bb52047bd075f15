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
            case Init.Orthogonal: Orthogonal(values, fanIn, ref random); break;
            default: throw new ArgumentOutOfRangeException(nameof(init), init, "Not a concrete initialiser.");
        }
    }

    /// <summary>
    /// Fills <paramref name="values"/>, read as a [rows, values / rows] matrix, with a random orthogonal one:
    /// Gram-Schmidt on Gaussian vectors along the longer axis, which is the QR decomposition with a positive
    /// diagonal, so the result is uniformly distributed over orthogonal matrices (Mezzadri, 2007).
    /// </summary>
    private static void Orthogonal(Span<float> values, int rows, ref SeededRandom random)
    {
        if (values.Length % rows != 0)
            throw new ArgumentException($"An orthogonal initialiser needs a whole number of rows: {values.Length} values are not a multiple of {rows}.", nameof(values));
        int columns = values.Length / rows;
        bool tall = rows >= columns;
        int length = tall ? rows : columns, count = tall ? columns : rows;
        double[] basis = new double[count * length];
        for (int i = 0; i < basis.Length; i++) basis[i] = random.NextNormal();
        for (int k = 0; k < count; k++)
        {
            Span<double> v = basis.AsSpan(k * length, length);
            for (int j = 0; j < k; j++)
            {
                ReadOnlySpan<double> q = basis.AsSpan(j * length, length);
                double dot = 0;
                for (int i = 0; i < length; i++) dot += v[i] * q[i];
                for (int i = 0; i < length; i++) v[i] -= dot * q[i];
            }
            double norm = 0;
            for (int i = 0; i < length; i++) norm += v[i] * v[i];
            norm = Math.Sqrt(norm);
            for (int i = 0; i < length; i++) v[i] /= norm;
        }
        // Vector k is column k of a tall matrix, row k of a wide one.
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                values[r * columns + c] = (float)(tall ? basis[c * length + r] : basis[r * length + c]);
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
