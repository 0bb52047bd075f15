using System;

namespace Samples.Sunspots;

/// <summary>How far forecasts are from what happened, in the series' units.</summary>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
public readonly record struct ForecastErrors(double Rmse, double Mae)
{
    /// <summary>The errors of <paramref name="predicted"/> against <paramref name="actual"/>, accumulated in double.</summary>
    /// <exception cref="ArgumentException">The two differ in length or are empty.</exception>
    public static ForecastErrors Of(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length != predicted.Length || actual.Length == 0)
            throw new ArgumentException($"Expected as many forecasts as actual values (at least one); got {predicted.Length} forecasts for {actual.Length} values.", nameof(predicted));
        double squared = 0, absolute = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double error = predicted[i] - actual[i];
            squared += error * error;
            absolute += Math.Abs(error);
        }
        return new ForecastErrors(Math.Sqrt(squared / actual.Length), absolute / actual.Length);
    }
}
