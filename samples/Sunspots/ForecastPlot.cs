using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace Samples.Sunspots;

/// <summary>A PNG of the test years: what happened, and the two forecasts of each year.</summary>
public static class ForecastPlot
{
    /// <summary>Draws the actual values and both one-step forecasts against the year; returns the full path written.</summary>
    public static string Save(string path, ForecastWindows windows, BaselineForecast baseline, NetworkForecast network)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(network);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        double[] years = windows.Test.TargetYears.Select(y => (double)y).ToArray();
        var plot = new Plot();
        // ScottPlot falls back to a serif face on Debian; DejaVu Sans, when installed, reads better at small sizes.
        if (SKFontManager.Default.GetFontFamilies().Contains("DejaVu Sans")) plot.Font.Set("DejaVu Sans");
        Add(plot, years, windows.Test.Targets, "actual", Colors.Black, LinePattern.Solid, markers: true);
        Add(plot, years, baseline.Predicted, $"AR({windows.Window}) least squares: RMSE {baseline.Errors.Rmse:F2}", Colors.C1, LinePattern.Dashed, markers: false);
        Add(plot, years, network.Predicted, $"{network.Name} (seed {network.Seed}): RMSE {network.Errors.Rmse:F2}", Colors.C0, LinePattern.Solid, markers: false);
        plot.Title($"Yearly sunspot numbers, {years[0]}-{years[^1]}: one-step forecasts from the previous {windows.Window} years");
        plot.XLabel("year");
        plot.YLabel("mean sunspot number");
        // Years without a thousands separator; the top third left free for the legend, above the highest peak.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = year => year.ToString("F0", CultureInfo.InvariantCulture) };
        double highest = windows.Test.Targets.Concat(baseline.Predicted).Concat(network.Predicted).Max();
        plot.Axes.SetLimitsY(-5, highest * 1.35);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(full, 1000, 480);
        return full;
    }

    private static void Add(Plot plot, double[] years, double[] values, string label, Color color, LinePattern pattern, bool markers)
    {
        var line = plot.Add.ScatterLine(years, values, color);
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.MarkerSize = markers ? 5 : 0;
        line.LegendText = label;
    }
}
