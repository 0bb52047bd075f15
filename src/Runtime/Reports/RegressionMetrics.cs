using System;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Reports;

/// <summary>
/// Regression scores over every output: R² (coefficient of determination), mean absolute error and
/// mean squared error, averaged uniformly over the outputs as scikit-learn's <c>r2_score</c>,
/// <c>mean_absolute_error</c> and <c>mean_squared_error</c> do by default.
/// </summary>
/// <param name="R2">Mean over the outputs of 1 - SS_res / SS_tot. An output whose targets are constant scores 1 if predicted exactly and 0 otherwise (scikit-learn's <c>force_finite</c> rule).</param>
/// <param name="MeanAbsoluteError">Mean of |actual - predicted| over every value.</param>
/// <param name="MeanSquaredError">Mean of (actual - predicted)² over every value.</param>
/// <param name="R2PerOutput">R² of each output.</param>
public sealed record RegressionMetrics(double R2, double MeanAbsoluteError, double MeanSquaredError, System.Collections.Generic.IReadOnlyList<double> R2PerOutput)
{
    /// <summary>
    /// Scores <paramref name="predicted"/> against <paramref name="actual"/>, both [samples, <paramref name="outputs"/>]
    /// row-major (a network's batch outputs and a dataset's targets). Computed in double precision.
    /// </summary>
    public static RegressionMetrics Compute(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted, int outputs = 1)
    {
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "There must be at least one output.");
        if (actual.Length != predicted.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {actual.Length} actual values but {predicted.Length} predicted ones."), nameof(predicted));
        if (actual.Length == 0 || actual.Length % outputs != 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{actual.Length} values are not a positive whole number of samples of {outputs} outputs."), nameof(actual));
        int samples = actual.Length / outputs;
        double[] means = new double[outputs], residuals = new double[outputs], totals = new double[outputs];
        double absolute = 0, squared = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double d = (double)actual[i] - predicted[i];
            if (double.IsNaN(d)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Value {i} is NaN."), double.IsNaN(actual[i]) ? nameof(actual) : nameof(predicted));
            means[i % outputs] += actual[i];
            residuals[i % outputs] += d * d;
            absolute += Math.Abs(d);
            squared += d * d;
        }
        for (int o = 0; o < outputs; o++) means[o] /= samples;
        for (int i = 0; i < actual.Length; i++)
        {
            double d = actual[i] - means[i % outputs];
            totals[i % outputs] += d * d;
        }
        double[] r2 = new double[outputs];
        double sum = 0;
        for (int o = 0; o < outputs; o++)
        {
            r2[o] = totals[o] != 0 ? 1 - residuals[o] / totals[o] : residuals[o] == 0 ? 1 : 0;
            sum += r2[o];
        }
        return new RegressionMetrics(sum / outputs, absolute / actual.Length, squared / actual.Length, r2);
    }

    /// <summary>The three scores on one line each.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("r2   ").Append(R2.ToString("G6", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("mae  ").Append(MeanAbsoluteError.ToString("G6", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("mse  ").Append(MeanSquaredError.ToString("G6", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }
}
