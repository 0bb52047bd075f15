using System;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace NeuralDsl.Tools.Plots;

/// <summary>What every plot shares: the checks on the output path, the font, and writing the file.</summary>
internal static class PlotFile
{
    // ScottPlot picks a serif face on systems without its preferred sans fonts (DejaVu Serif on Debian);
    // the first of these found on the machine reads better at small sizes, and is kept when none is.
    private static readonly string? SansFont = FindSans("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI");

    /// <summary>The full path of <paramref name="path"/> after checking it names a PNG file; creates its folder.</summary>
    public static string Prepare(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The path of the PNG file is empty.", nameof(path));
        if (!string.Equals(Path.GetExtension(path), ".png", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Plots are written as PNG; give a path ending in .png, not \"{path}\".", nameof(path));
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Applies the shared look to <paramref name="plot"/>.</summary>
    public static void Style(Plot plot)
    {
        if (SansFont is not null) plot.Font.Set(SansFont);
    }

    private static string? FindSans(params string[] names)
    {
        string[] installed = SKFontManager.Default.GetFontFamilies();
        return names.FirstOrDefault(name => installed.Contains(name, StringComparer.OrdinalIgnoreCase));
    }
}
