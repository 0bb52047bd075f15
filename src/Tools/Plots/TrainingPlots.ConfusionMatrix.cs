using System;
using System.Globalization;
using System.Linq;
using NeuralDsl.Reports;
using ScottPlot;

namespace NeuralDsl.Tools.Plots;

public static partial class TrainingPlots
{
    /// <summary>
    /// Writes <paramref name="matrix"/> as a heat map: actual classes down, predicted classes across
    /// (scikit-learn's layout), the count in every cell, the class names on both axes.
    /// </summary>
    /// <returns>The full path written.</returns>
    public static string SaveConfusionMatrix(ConfusionMatrix matrix, string path, int size = 560)
    {
        if (matrix is null) throw new ArgumentNullException(nameof(matrix));
        CheckSize(size, size);
        string full = PlotFile.Prepare(path);

        int n = matrix.Classes;
        double[,] counts = new double[n, n];
        long max = 0;
        for (int a = 0; a < n; a++)
            for (int p = 0; p < n; p++)
            {
                counts[a, p] = matrix[a, p];
                max = Math.Max(max, matrix[a, p]);
            }
        var plot = new Plot();
        PlotFile.Style(plot);
        var heatmap = plot.Add.Heatmap(counts);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed(); // dark = many
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true }; // counts
        float fontSize = Math.Clamp(220f / n, 7f, 16f);
        for (int a = 0; a < n; a++)
            for (int p = 0; p < n; p++)
            {
                long count = matrix[a, p];
                var text = plot.Add.Text(count.ToString(CultureInfo.InvariantCulture), p, n - 1 - a);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                // Dark cells get white digits.
                text.LabelFontColor = count > max / 2 ? Colors.White : Colors.Black;
            }
        double[] positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, matrix.Names);
        plot.Axes.Left.SetTicks(positions, Enumerable.Reverse(matrix.Names).ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        // Names longer than a cell is wide ("T-shirt/top") would run into each other: slant them.
        int longest = matrix.Names.Max(name => name.Length);
        if (longest * 9 > size / n)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 20 + longest * 8;
        }
        plot.HideGrid();
        plot.XLabel("predicted");
        plot.YLabel("actual");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"confusion matrix ({matrix.Correct} of {matrix.Total} correct)"));
        plot.Axes.Margins(0, 0);
        plot.SavePng(full, size + 60, size + (longest * 9 > size / n ? longest * 6 : 0));
        return full;
    }
}
