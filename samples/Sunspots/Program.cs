using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NeuralDsl;

namespace Samples.Sunspots;

/// <summary>
/// Forecasts the yearly sunspot numbers one year ahead with a recurrent network and with a linear
/// autoregression of the same window, and scores both on the last 20% of the years.
/// <c>dotnet run -c Release --project samples/Sunspots [-- --cell gru|lstm] [--seeds 1,2,3,4,5] [--plots folder] [--export-split split.json]</c>;
/// exits with 1 unless the network's test RMSE is below the autoregression's for every seed.
/// <c>--validation-grid</c> instead scores the settings the forecaster was chosen from on the validation years.
/// </summary>
public static class Program
{
    private const string Usage = "Usage: Sunspots [--cell gru|lstm] [--seeds 1,2,3,4,5] [--plots <folder>] [--export-split <file.json>] | Sunspots --validation-grid [--seeds ...]";

    public static int Main(string[] args)
    {
        RecurrentCell cell = RecurrentCell.Gru;
        int[] seeds = [1, 2, 3, 4, 5];
        string plots = Path.Combine(AppContext.BaseDirectory, "plots");
        string? exportSplit = null;
        bool grid = false;
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] == "--cell" && a + 1 < args.Length && Enum.TryParse(args[a + 1], ignoreCase: true, out cell) && Enum.IsDefined(cell)) a++;
            else if (args[a] == "--seeds" && a + 1 < args.Length && TryParseSeeds(args[a + 1], out seeds)) a++;
            else if (args[a] == "--plots" && a + 1 < args.Length) plots = args[++a];
            else if (args[a] == "--export-split" && a + 1 < args.Length) exportSplit = args[++a];
            else if (args[a] == "--validation-grid") grid = true;
            else
            {
                Console.Error.WriteLine($"Unknown or incomplete argument \"{args[a]}\". {Usage}");
                return 2;
            }
        }

        SunspotSeries series = SunspotSeries.Load(Path.Combine(AppContext.BaseDirectory, "sunspots.csv"));
        ForecastWindows windows = SunspotsTraining.Windows(series);
        Console.WriteLine($"{series.Years.Length} yearly sunspot numbers, {series.Years[0]}-{series.Years[^1]}; windows of {windows.Window} years -> the next year");
        Console.WriteLine($"training: {windows.Train.Count} windows, targets {windows.Train.TargetYears[0]}-{windows.Train.TargetYears[^1]}; "
            + $"test: {windows.Test.Count} windows, targets {windows.Test.TargetYears[0]}-{windows.Test.TargetYears[^1]} (the last {SunspotsTraining.TestFraction * 100:F0}% of the years)");
        Console.WriteLine($"network inputs and targets standardised with the training years' mean {windows.Mean:F2} and standard deviation {windows.Scale:F2}");
        Console.WriteLine();
        if (grid) return ShowGrid(series, windows, seeds);
        Console.WriteLine(SunspotsTraining.Create(cell, seed: 0).Summary());

        BaselineForecast baseline = SunspotsTraining.Baseline(windows);
        Console.WriteLine($"AR({windows.Window}) with intercept, least squares (QR): test RMSE {baseline.Errors.Rmse:F2}  MAE {baseline.Errors.Mae:F2}");
        var networks = new NetworkForecast[seeds.Length];
        for (int s = 0; s < seeds.Length; s++)
        {
            NetworkForecast n = networks[s] = SunspotsTraining.Train(windows, cell, seeds[s]);
            Console.WriteLine($"{n.Name}, seed {n.Seed}: test RMSE {n.Errors.Rmse:F2}  MAE {n.Errors.Mae:F2}  "
                + $"(trained in {n.FitTime.TotalSeconds:F2} s: {n.History.EpochCount} epochs of {windows.Train.Count} windows, final loss {n.History["loss"][^1]:F4})");
        }
        double[] rmse = networks.Select(n => n.Errors.Rmse).ToArray();
        if (seeds.Length > 1)
            Console.WriteLine($"over {seeds.Length} seeds: RMSE {rmse.Min():F2} to {rmse.Max():F2} (mean {rmse.Average():F2}), "
                + $"{rmse.Count(r => r < baseline.Errors.Rmse)} of {seeds.Length} below the AR's {baseline.Errors.Rmse:F2}");

        Console.WriteLine($"wrote {Shown(ForecastPlot.Save(Path.Combine(plots, "forecast.png"), windows, baseline, networks[0]))}");
        if (exportSplit is not null)
        {
            SplitExport.Write(exportSplit, windows, cell, baseline, networks);
            Console.WriteLine($"split written to {Path.GetFullPath(exportSplit)}");
        }

        int status = 0;
        foreach (NetworkForecast n in networks.Where(n => !(n.Errors.Rmse < baseline.Errors.Rmse)))
        {
            Console.Error.WriteLine($"{n.Name}, seed {n.Seed}: test RMSE {n.Errors.Rmse:F2} does not beat the autoregression's {baseline.Errors.Rmse:F2}");
            status = 1;
        }
        return status;
    }

    private static int ShowGrid(SunspotSeries series, ForecastWindows windows, int[] seeds)
    {
        ForecastWindows validation = ValidationGrid.Windows(windows, series);
        BaselineForecast baseline = SunspotsTraining.Baseline(validation);
        Console.WriteLine($"validation grid: trained on {validation.Train.Count} windows (targets {validation.Train.TargetYears[0]}-{validation.Train.TargetYears[^1]}), "
            + $"scored on {validation.Test.Count} (targets {validation.FirstTestYear}-{validation.Test.TargetYears[^1]}); the test years are not used");
        Console.WriteLine($"AR({windows.Window}) on the validation years: RMSE {baseline.Errors.Rmse:F2}");
        Console.WriteLine($"validation RMSE over seeds {string.Join(",", seeds)}:");
        GridRow[] rows = ValidationGrid.Run(validation, seeds);
        foreach (GridRow row in rows)
            Console.WriteLine($"  {SunspotsTraining.Describe(row.Cell),-20} {row.Variant,-38} mean {row.Mean:F2}  ({row.Rmse.Min():F2} to {row.Rmse.Max():F2})");
        GridRow best = rows.MinBy(r => r.Mean)!;
        Console.WriteLine($"lowest mean: {SunspotsTraining.Describe(best.Cell)}, {best.Variant}");
        return 0;
    }

    private static bool TryParseSeeds(string text, out int[] seeds)
    {
        string[] parts = text.Split(',');
        seeds = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out seeds[i])) return false;
        return true;
    }

    /// <summary>A written file's path as the user would type it: relative to the current folder when it is below it.</summary>
    private static string Shown(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
