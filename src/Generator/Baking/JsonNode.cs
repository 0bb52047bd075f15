using System.Collections.Generic;

namespace NeuralDsl.Generator.Baking;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// One value of a JSON document, with the line and column (1-based) where it starts, so that every
/// complaint about a weights file can point into it. Numbers keep their float value as parsed.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public JsonKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>A string's value, or a number's text as written.</summary>
    public string Text { get; set; } = "";

    /// <summary>A number's value rounded to float (infinite when out of float's range; NaN or infinite for the NaN and Infinity tokens).</summary>
    public float Number { get; set; }

    /// <summary>A number's value in double precision, for integers such as sizes.</summary>
    public double Double { get; set; }

    public List<JsonNode> Items { get; } = new();

    public List<KeyValuePair<string, JsonNode>> Members { get; } = new();

    public string Where => $"line {Line}, position {Column}";

    public JsonNode? Member(string name)
    {
        foreach (KeyValuePair<string, JsonNode> member in Members)
        {
            if (member.Key == name) return member.Value;
        }
        return null;
    }

    public static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}
