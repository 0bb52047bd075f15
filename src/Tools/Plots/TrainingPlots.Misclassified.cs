using System;
using System.Collections.Generic;
using System.Globalization;
using ScottPlot;

namespace NeuralDsl.Tools.Plots;

public static partial class TrainingPlots
{
    /// <summary>
    /// Writes the first <paramref name="limit"/> misclassified images (the ones a classifier got wrong) as a grid, titled
    /// <c>actual→predicted</c>. Every image is drawn with the same grey scale (dark = high), so their
    /// brightness compares; an all-correct set gets a picture that says so.
    /// </summary>
    /// <param name="images">One image per sample, row-major: <paramref name="width"/> × <paramref name="height"/> values each.</param>
    /// <param name="width">Pixels per image row.</param>
    /// <param name="height">Pixel rows per image.</param>
    /// <param name="actual">The actual class of each sample.</param>
    /// <param name="predicted">The predicted class of each sample.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="names">Class names, indexed by class; null prints the class indices.</param>
    /// <param name="limit">Most images drawn (default 40).</param>
    /// <param name="columns">Images per row of the grid (default 8).</param>
    /// <returns>The full path written.</returns>
    public static string SaveMisclassified(ReadOnlySpan<float> images, int width, int height, ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted,
        string path, IReadOnlyList<string>? names = null, int limit = 40, int columns = 8)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), string.Create(CultureInfo.InvariantCulture, $"Images of {width}x{height} pixels: both must be positive."));
        if (actual.Length != predicted.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {actual.Length} actual classes but {predicted.Length} predicted ones; pass one of each per image."), nameof(predicted));
        if ((long)actual.Length * width * height != images.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{actual.Length} images of {width}x{height} pixels need {(long)actual.Length * width * height} values; there are {images.Length}."), nameof(images));
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "At least one image must be allowed.");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "The grid needs at least one column.");
        string full = PlotFile.Prepare(path);

        var wrong = new List<int>();
        for (int i = 0; i < actual.Length && wrong.Count < limit; i++)
            if (actual[i] != predicted[i]) wrong.Add(i);
        if (wrong.Count == 0)
        {
            var plot = new Plot();
            PlotFile.Style(plot);
            plot.Layout.Frameless();
            plot.HideGrid();
            var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"all {actual.Length} images classified correctly"), 0, 0);
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontSize = 20;
            plot.SavePng(full, 480, 160);
            return full;
        }

        // One shared grey scale over the drawn images.
        float low = float.PositiveInfinity, high = float.NegativeInfinity;
        int pixels = width * height;
        foreach (int i in wrong)
            foreach (float v in images.Slice(i * pixels, pixels))
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        if (!(high > low)) high = low + 1;

        // Tiles as wide as the longest title at the title's font size (about 9 pixels a character).
        int longest = 0;
        foreach (int i in wrong) longest = Math.Max(longest, Name(names, actual[i]).Length + 1 + Name(names, predicted[i]).Length);
        int tileWidth = Math.Max(110, longest * 9 + 8);
        int cols = Math.Min(columns, wrong.Count);
        int rows = (wrong.Count + cols - 1) / cols;
        var figure = new Multiplot();
        figure.AddPlots(rows * cols);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, cols);
        for (int k = 0; k < rows * cols; k++)
        {
            Plot tile = figure.GetPlot(k);
            PlotFile.Style(tile);
            tile.Axes.Frameless();
            tile.HideGrid();
            if (k >= wrong.Count) continue;
            int i = wrong[k];
            double[,] image = new double[height, width];
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    image[y, x] = images[i * pixels + y * width + x];
            var heatmap = tile.Add.Heatmap(image);
            heatmap.Colormap = new ScottPlot.Colormaps.GrayscaleReversed();
            heatmap.ManualRange = new ScottPlot.Range(low, high);
            tile.Axes.Margins(0, 0);
            tile.Axes.SquareUnits(); // keep the pixels square in tiles widened for long titles
            tile.Title($"{Name(names, actual[i])}→{Name(names, predicted[i])}", size: 15);
        }
        const int tileSize = 110;
        figure.SavePng(full, cols * tileWidth, rows * (tileSize + 22));
        return full;
    }

    private static string Name(IReadOnlyList<string>? names, int c) =>
        names is not null && (uint)c < (uint)names.Count ? names[c] : c.ToString(CultureInfo.InvariantCulture);
}
