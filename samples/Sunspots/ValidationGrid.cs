using System;
using System.Linq;

namespace Samples.Sunspots;

/// <summary>One setting's test errors on the validation years, one per seed.</summary>
/// <param name="Cell">The recurrent layer.</param>
/// <param name="Variant">The training settings.</param>
/// <param name="Rmse">Validation RMSE per seed, in the series' units.</param>
public sealed record GridRow(RecurrentCell Cell, TrainingVariant Variant, double[] Rmse)
{
    /// <summary>Mean validation RMSE over the seeds.</summary>
    public double Mean => Rmse.Average();
}

/// <summary>
/// How the forecaster's settings were chosen without looking at the test years: both layers with every
/// combination of epochs, learning rate and batch size below, trained on the training years minus their
/// last <see cref="SunspotsTraining.TestFraction"/> and scored on those (the validation years).
/// </summary>
public static class ValidationGrid
{
    private static readonly int[] EpochChoices = [50, 100];
    private static readonly float[] RateChoices = [0.003f, 0.01f];
    private static readonly int[] BatchChoices = [16, 32];

    /// <summary>The windows of the training years only, split again: the last share of them become the validation years.</summary>
    public static ForecastWindows Windows(ForecastWindows full, SunspotSeries series)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(series);
        int trainingYears = Array.IndexOf(series.Years, full.FirstTestYear);
        var training = new SunspotSeries(series.Years[..trainingYears], series.Values[..trainingYears]);
        return ForecastWindows.Create(training, full.Window, SunspotsTraining.TestFraction);
    }

    /// <summary>Runs every setting with every seed on <paramref name="validation"/>; rows in grid order.</summary>
    public static GridRow[] Run(ForecastWindows validation, int[] seeds)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(seeds);
        return (from cell in new[] { RecurrentCell.Gru, RecurrentCell.Lstm }
                from epochs in EpochChoices
                from rate in RateChoices
                from batch in BatchChoices
                let variant = new TrainingVariant(epochs, rate, batch)
                select new GridRow(cell, variant, seeds.Select(seed => SunspotsTraining.Train(validation, cell, seed, variant).Errors.Rmse).ToArray()))
            .ToArray();
    }
}
