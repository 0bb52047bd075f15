using System.Globalization;

namespace NeuralDsl.Generator.Helpers;

/// <summary>Formats numbers as C# literals, culture-invariant and round-trippable.</summary>
internal static class Literals
{
    public static string Float(float value)
    {
        if (float.IsNaN(value)) return "float.NaN";
        if (float.IsPositiveInfinity(value)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(value)) return "float.NegativeInfinity";
        return value.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
