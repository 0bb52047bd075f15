using System;

namespace NeuralDsl.Tools.Data;

/// <summary>
/// A data file could not be loaded: it is missing a column, holds a value that is not what its column
/// needs, has a row of the wrong length, is empty, or does not follow its binary format. The message
/// names the file and, where it applies, the line and column; nothing is returned from a file that fails.
/// </summary>
public sealed class DataFileException : FormatException
{
    /// <summary>Creates the exception for <paramref name="file"/>; <paramref name="message"/> says what is wrong and where.</summary>
    public DataFileException(string file, string message, int line = 0, string? column = null)
        : base(message)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file (or the name given for a reader) that failed to load.</summary>
    public string File { get; }

    /// <summary>The 1-based line of a text file where the problem is, or 0 when it is not on one line.</summary>
    public int Line { get; }

    /// <summary>The name of the column where the problem is, or null when it is not in one column.</summary>
    public string? Column { get; }
}
