using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Generator.Helpers;

/// <summary>
/// Names of the generated files. The compiler requires hint names to be unique ignoring case (they
/// become file names with <c>EmitCompilerGeneratedFiles</c>, on file systems that may ignore case), and
/// a file name longer than the file system allows fails the build (CS0016). A name is the network's
/// full name, readable, unless another network's name equals it ignoring case or it is longer than
/// <see cref="MaxReadableLength"/>: then a readable prefix plus a stable hash of the exact full name.
/// </summary>
internal static class HintNames
{
    /// <summary>Characters of the full name kept in a file name (paths stay far below 260 characters).</summary>
    public const int MaxReadableLength = 64;

    /// <summary>The hint name of the network named <paramref name="fullName"/>, given the full names of every network in the compilation.</summary>
    public static string For(string fullName, IReadOnlyList<string> allFullNames)
    {
        // '@' escapes keywords in names and may not appear in hint names.
        string readable = fullName.Replace("@", "");
        if (readable.Length <= MaxReadableLength && !HasCaseVariant(fullName, allFullNames)) return readable + ".g.cs";
        string prefix = readable.Length <= MaxReadableLength ? readable : readable.Substring(0, MaxReadableLength);
        return prefix + "." + Hash(fullName) + ".g.cs";
    }

    private static bool HasCaseVariant(string fullName, IReadOnlyList<string> allFullNames)
    {
        string readable = fullName.Replace("@", "");
        foreach (string other in allFullNames)
        {
            if (other != fullName && string.Equals(other.Replace("@", ""), readable, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>FNV-1a over the UTF-8 bytes: the same on every machine and run (string.GetHashCode is randomised).</summary>
    private static string Hash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
