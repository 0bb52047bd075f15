using System.Globalization;

namespace NeuralDsl.Generator.Analysis;

/// <summary>Culture-invariant text for diagnostic messages: numbers as the user would write them.</summary>
internal static class Text
{
    /// <summary>Shortest round-trip form, with a C#-style exponent ("1e-6" rather than "1E-06").</summary>
    public static string Number(float value) => Exponent(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Four significant digits, for computed values and thresholds.</summary>
    public static string Number(double value) => Exponent(value.ToString("G4", CultureInfo.InvariantCulture));

    private static string Exponent(string text)
    {
        int e = text.IndexOf('E');
        if (e < 0) return text;
        int exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text.Substring(0, e) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Assignment(string name, float value) => name + " = " + Number(value);

    /// <summary>Layer indices as a list: "0, 1 and 3".</summary>
    public static string List(System.Collections.Generic.IReadOnlyList<int> indices)
    {
        if (indices.Count == 1) return "layer " + Number(indices[0]);
        var builder = new System.Text.StringBuilder("layers ");
        for (int i = 0; i < indices.Count; i++)
        {
            if (i > 0) builder.Append(i == indices.Count - 1 ? " and " : ", ");
            builder.Append(Number(indices[i]));
        }
        return builder.ToString();
    }
}
