using System;
using System.Collections.Generic;

namespace NeuralDsl.Generator.Baking;

/// <summary>
/// Which <c>AdditionalFiles</c> item a <c>Weights = "..."</c> argument names: the item whose full path
/// ends with the argument, on a folder boundary (<c>"digits.weights.json"</c> or
/// <c>"Weights/digits.weights.json"</c>). Either slash separates folders; names compare ordinally,
/// ignoring case, as on Windows and macOS file systems.
/// </summary>
internal static class WeightsPath
{
    public static bool Matches(string filePath, string declared)
    {
        string path = Normalize(filePath);
        string end = Normalize(declared);
        while (end.StartsWith("./", StringComparison.Ordinal)) end = end.Substring(2);
        if (end.Length == 0 || !path.EndsWith(end, StringComparison.OrdinalIgnoreCase)) return false;
        return path.Length == end.Length || path[path.Length - end.Length - 1] == '/';
    }

    public static bool MatchesAny(string filePath, IEnumerable<string> declared)
    {
        foreach (string name in declared)
        {
            if (Matches(filePath, name)) return true;
        }
        return false;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
