using System;

namespace Samples.Sunspots;

/// <summary>
/// The linear baseline: an autoregression of order <c>W</c> with an intercept,
/// <c>y[t] = c + a[0] y[t-W] + ... + a[W-1] y[t-1]</c>, fitted by exact least squares on the training windows.
/// </summary>
/// <param name="Intercept">The constant <c>c</c>, in the series' units.</param>
/// <param name="Coefficients">The weights of the window's years, oldest first (the order of a window's values).</param>
public sealed record AutoRegression(double Intercept, double[] Coefficients)
{
    /// <summary>
    /// Minimises the sum of squared one-step errors over <paramref name="set"/> by a Householder QR
    /// factorisation of the design matrix <c>[1, window]</c>. QR rather than the normal equations: it solves
    /// with the design matrix's condition number, not its square, which matters for neighbouring years that
    /// move together.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer windows than coefficients, or the design matrix has dependent columns.</exception>
    public static AutoRegression Fit(WindowSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        int rows = set.Count, columns = set.Count == 0 ? 1 : set.Inputs[0].Length + 1;
        if (rows <= columns)
            throw new ArgumentException($"{rows} windows cannot determine {columns} coefficients by least squares; give more windows than coefficients.", nameof(set));

        var a = new double[rows, columns];
        var b = (double[])set.Targets.Clone();
        for (int i = 0; i < rows; i++)
        {
            a[i, 0] = 1;
            for (int k = 1; k < columns; k++) a[i, k] = set.Inputs[i][k - 1];
        }

        // Householder: column j's entries below the diagonal are reflected to zero, and the same reflection
        // is applied to the columns to its right and to b, leaving R (upper triangle of a) and Q'b (in b).
        for (int j = 0; j < columns; j++)
        {
            double norm = 0;
            for (int i = j; i < rows; i++) norm += a[i, j] * a[i, j];
            norm = Math.Sqrt(norm);
            if (norm == 0) throw Dependent(j);
            double alpha = a[j, j] > 0 ? -norm : norm;
            var v = new double[rows - j];
            for (int i = j; i < rows; i++) v[i - j] = a[i, j];
            v[0] -= alpha;
            double vv = 0;
            foreach (double x in v) vv += x * x;
            for (int k = j; k < columns; k++) Reflect(a, k, j, v, vv, rows);
            double dot = 0;
            for (int i = j; i < rows; i++) dot += v[i - j] * b[i];
            for (int i = j; i < rows; i++) b[i] -= 2 * dot / vv * v[i - j];
        }

        double largest = 0;
        for (int j = 0; j < columns; j++) largest = Math.Max(largest, Math.Abs(a[j, j]));
        var solution = new double[columns];
        for (int j = columns - 1; j >= 0; j--)
        {
            if (Math.Abs(a[j, j]) <= 1e-12 * largest) throw Dependent(j);
            double sum = b[j];
            for (int k = j + 1; k < columns; k++) sum -= a[j, k] * solution[k];
            solution[j] = sum / a[j, j];
        }
        return new AutoRegression(solution[0], solution[1..]);
    }

    /// <summary>The forecast for the year after <paramref name="window"/> (oldest value first).</summary>
    /// <exception cref="ArgumentException">The window's length is not the model's order.</exception>
    public double Predict(ReadOnlySpan<double> window)
    {
        if (window.Length != Coefficients.Length)
            throw new ArgumentException($"The window has {window.Length} values; this autoregression is of order {Coefficients.Length}.", nameof(window));
        double sum = Intercept;
        for (int k = 0; k < window.Length; k++) sum += Coefficients[k] * window[k];
        return sum;
    }

    private static void Reflect(double[,] a, int column, int pivot, double[] v, double vv, int rows)
    {
        double dot = 0;
        for (int i = pivot; i < rows; i++) dot += v[i - pivot] * a[i, column];
        double factor = 2 * dot / vv;
        for (int i = pivot; i < rows; i++) a[i, column] -= factor * v[i - pivot];
    }

    private static ArgumentException Dependent(int column) => new(
        $"Column {column} of the design matrix (0 is the intercept, k the window's k-th year) depends on the others, so the least-squares coefficients are not unique.", "set");
}
