using System;
using System.Globalization;
using System.IO;

namespace Samples.Sunspots;

/// <summary>A yearly series: consecutive years and one value per year, as read from statsmodels' sunspots.csv.</summary>
/// <param name="Years">The years, consecutive and increasing.</param>
/// <param name="Values">The mean sunspot number of each year.</param>
public sealed record SunspotSeries(int[] Years, double[] Values)
{
    /// <summary>
    /// Reads a file with the header <c>"YEAR","SUNACTIVITY"</c> (quotes optional) and one <c>year,value</c>
    /// line per year. Values are parsed as doubles, exactly as NumPy reads them, so that the least-squares
    /// baseline can be compared with NumPy's to rounding.
    /// </summary>
    /// <exception cref="InvalidDataException">The header, a line, a number or the order of the years is wrong; the message names the line.</exception>
    public static SunspotSeries Load(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Replace("\"", "", StringComparison.Ordinal).Trim() != "YEAR,SUNACTIVITY")
            throw new InvalidDataException($"{path}: the first line must be the header \"YEAR\",\"SUNACTIVITY\".");
        int count = lines.Length - 1;
        while (count > 0 && lines[count].Trim().Length == 0) count--;
        if (count < 2) throw new InvalidDataException($"{path}: fewer than two years of data.");

        var years = new int[count];
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            int lineNumber = i + 2;
            string[] fields = lines[i + 1].Split(',');
            if (fields.Length != 2
                || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out years[i])
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new InvalidDataException($"{path}, line {lineNumber}: expected \"year,value\", found \"{lines[i + 1]}\".");
            if (!double.IsFinite(values[i]) || values[i] < 0)
                throw new InvalidDataException($"{path}, line {lineNumber}: the sunspot number {fields[1]} is not a finite non-negative number.");
            if (i > 0 && years[i] != years[i - 1] + 1)
                throw new InvalidDataException($"{path}, line {lineNumber}: year {years[i]} does not follow {years[i - 1]}; the series must have one line per year, in order.");
        }
        return new SunspotSeries(years, values);
    }
}
