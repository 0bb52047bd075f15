using System;
using NeuralDsl.Data;

namespace Samples.Sunspots;

/// <summary>Windows of consecutive years, each followed by the year to forecast.</summary>
/// <param name="Inputs">Per window, the <c>W</c> values of the years before its target, oldest first, in the series' units.</param>
/// <param name="Targets">Per window, the value of the year after it.</param>
/// <param name="TargetYears">Per window, the year of its target.</param>
public sealed record WindowSet(double[][] Inputs, double[] Targets, int[] TargetYears)
{
    /// <summary>Number of windows.</summary>
    public int Count => Targets.Length;
}

/// <summary>
/// One-step-ahead forecasting data cut from a yearly series and split in time: the last share of the years
/// are the test years, and a window belongs to the part of its target year. Nothing is shuffled across the
/// split; a test window's inputs may reach back into the training years (the past is known when
/// forecasting), but no training window sees a test year. Scaling uses the training years only.
/// </summary>
public sealed class ForecastWindows
{
    private ForecastWindows(int window, int firstTestYear, double mean, double scale, WindowSet train, WindowSet test)
    {
        Window = window;
        FirstTestYear = firstTestYear;
        Mean = mean;
        Scale = scale;
        Train = train;
        Test = test;
    }

    /// <summary>Years per window: the network's steps and the order of the autoregression.</summary>
    public int Window { get; }

    /// <summary>The first test year; every year before it is a training year.</summary>
    public int FirstTestYear { get; }

    /// <summary>Mean of the training years' values.</summary>
    public double Mean { get; }

    /// <summary>Population standard deviation of the training years' values.</summary>
    public double Scale { get; }

    /// <summary>The windows whose target is a training year, in time order.</summary>
    public WindowSet Train { get; }

    /// <summary>The windows whose target is a test year, in time order.</summary>
    public WindowSet Test { get; }

    /// <summary>
    /// Cuts every window of <paramref name="window"/> years from <paramref name="series"/> and splits them
    /// at the first of the last <c>round(testFraction * years)</c> years.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The window or the fraction leaves too few training windows for a least-squares fit, or no test year.</exception>
    public static ForecastWindows Create(SunspotSeries series, int window, double testFraction)
    {
        ArgumentNullException.ThrowIfNull(series);
        int years = series.Values.Length;
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1.");
        int testYears = (int)Math.Round(testFraction * years, MidpointRounding.AwayFromZero);
        int trainYears = years - testYears;
        if (window < 1 || testYears < 1 || trainYears - window < window + 2)
            throw new ArgumentOutOfRangeException(nameof(window), window,
                $"{years} years with {testYears} of them for testing leave {trainYears - window} training windows of {window} years; "
                + $"the autoregression needs more windows than its {window + 1} coefficients, and the test part at least one year.");

        double mean = 0;
        for (int t = 0; t < trainYears; t++) mean += series.Values[t];
        mean /= trainYears;
        double variance = 0;
        for (int t = 0; t < trainYears; t++) variance += (series.Values[t] - mean) * (series.Values[t] - mean);
        double scale = Math.Sqrt(variance / trainYears);

        return new ForecastWindows(window, series.Years[trainYears], mean, scale,
            Cut(series, window, window, trainYears), Cut(series, window, trainYears, years));
    }

    /// <summary>
    /// <paramref name="set"/> as a dataset for the network: each window a sequence of <see cref="Window"/>
    /// steps of one feature, inputs and target standardised with the training years' mean and scale.
    /// </summary>
    public Dataset Scaled(WindowSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var features = new float[set.Count * Window];
        var targets = new float[set.Count];
        for (int i = 0; i < set.Count; i++)
        {
            for (int k = 0; k < Window; k++) features[i * Window + k] = (float)((set.Inputs[i][k] - Mean) / Scale);
            targets[i] = (float)((set.Targets[i] - Mean) / Scale);
        }
        return new Dataset(features, Window, targets, 1);
    }

    /// <summary>A standardised value (a network output) back in the series' units.</summary>
    public double Unscale(float value) => value * Scale + Mean;

    private static WindowSet Cut(SunspotSeries series, int window, int firstTarget, int endTarget)
    {
        int count = endTarget - firstTarget;
        var inputs = new double[count][];
        var targets = new double[count];
        var years = new int[count];
        for (int i = 0; i < count; i++)
        {
            int t = firstTarget + i;
            inputs[i] = series.Values.AsSpan(t - window, window).ToArray();
            targets[i] = series.Values[t];
            years[i] = series.Years[t];
        }
        return new WindowSet(inputs, targets, years);
    }
}
