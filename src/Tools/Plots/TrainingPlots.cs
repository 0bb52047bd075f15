using System;
using System.Globalization;
using System.Linq;
using NeuralDsl.Reports;
using NeuralDsl.Training;
using ScottPlot;

namespace NeuralDsl.Tools.Plots;

/// <summary>
/// PNG plots of a training run: the loss and metric curves of a <see cref="History"/>, a
/// <see cref="Reports.ConfusionMatrix"/> as a heat map, and a grid of misclassified images. Each
/// method writes one file (creating its folder) and returns its full path, for a line telling where.
/// </summary>
/// <example>
/// <code>
/// Console.WriteLine($"wrote {TrainingPlots.SaveCurves(history, "plots/curves.png")}");
/// Console.WriteLine($"wrote {TrainingPlots.SaveConfusionMatrix(report.Matrix, "plots/confusion.png")}");
/// Console.WriteLine($"wrote {TrainingPlots.SaveMisclassified(images, 8, 8, actual, predicted, "plots/misclassified.png")}");
/// </code>
/// </example>
public static partial class TrainingPlots
{
    /// <summary>
    /// Writes the curves of <paramref name="history"/>: one panel per series (loss, then each metric)
    /// with its training and validation values per epoch (counted from 1, as progress lines count them),
    /// and a dashed line at the epoch whose weights were restored, if any.
    /// </summary>
    /// <returns>The full path written.</returns>
    public static string SaveCurves(History history, string path, int panelWidth = 440, int height = 360)
    {
        if (history is null) throw new ArgumentNullException(nameof(history));
        CheckSize(panelWidth, height);
        if (history.EpochCount == 0) throw new ArgumentException("The history has no epoch to plot.", nameof(history));
        string full = PlotFile.Prepare(path);

        string[] series = history.SeriesNames.Where(n => !n.StartsWith("val_", StringComparison.Ordinal)).ToArray();
        double[] epochs = Enumerable.Range(1, history.EpochCount).Select(e => (double)e).ToArray();
        var figure = new Multiplot();
        figure.AddPlots(series.Length);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        for (int s = 0; s < series.Length; s++)
        {
            Plot plot = figure.GetPlot(s);
            PlotFile.Style(plot);
            string name = series[s];
            AddCurve(plot, epochs, history[name], "training", Colors.C0);
            if (history.Contains("val_" + name)) AddCurve(plot, epochs, history["val_" + name], "validation", Colors.C1);
            if (history.RestoredEpoch >= 0)
            {
                var restored = plot.Add.VerticalLine(history.RestoredEpoch + 1, width: 1, color: Colors.Gray, pattern: LinePattern.Dashed);
                restored.LegendText = string.Create(CultureInfo.InvariantCulture, $"restored (epoch {history.RestoredEpoch + 1})");
            }
            plot.Title(name);
            plot.XLabel("epoch");
            // The legend goes in the corner the curves leave free: top right when they fall (losses, errors), bottom right when they rise.
            double[] values = history[name];
            plot.ShowLegend(values[^1] <= values[0] ? Alignment.UpperRight : Alignment.LowerRight);
        }
        figure.SavePng(full, panelWidth * series.Length, height);
        return full;
    }

    private static void AddCurve(Plot plot, double[] epochs, double[] values, string label, Color color)
    {
        var line = plot.Add.ScatterLine(epochs, values, color);
        line.LineWidth = 2;
        line.LegendText = label;
    }

    internal static void CheckSize(int width, int height)
    {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000)
            throw new ArgumentOutOfRangeException(nameof(width), string.Create(CultureInfo.InvariantCulture, $"The picture would be {width}x{height} pixels; each side must be 100 to 10000."));
    }
}
