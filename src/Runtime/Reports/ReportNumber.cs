using System;
using System.Globalization;

namespace NeuralDsl.Reports;

/// <summary>How loss and metric values are printed in tables: four decimals as Keras prints them, scientific notation when that would hide the value.</summary>
internal static class ReportNumber
{
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        double magnitude = Math.Abs(value);
        return value == 0 || (magnitude >= 1e-3 && magnitude < 1e6)
            ? value.ToString("0.0000", CultureInfo.InvariantCulture)
            : value.ToString("0.000e+00", CultureInfo.InvariantCulture);
    }

    /// <summary>A learning rate: up to four significant digits (0.001, 2.5E-05).</summary>
    public static string Rate(float value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
