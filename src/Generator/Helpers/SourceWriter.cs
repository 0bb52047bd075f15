using System;
using System.Text;

namespace NeuralDsl.Generator.Helpers;

/// <summary>
/// Writes C# source with indentation. Unlike <c>IndentedTextWriter</c>, every line of a multi-line
/// string is indented, so blocks of text can be written in one call.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();

    public int Indentation { get; set; }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes each line of <paramref name="text"/> at the current indentation; blank lines stay empty.</summary>
    public void WriteLine(string text)
    {
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            string line = text.Substring(start, end - start).TrimEnd('\r');
            if (line.Length > 0)
            {
                for (int i = 0; i < Indentation; i++) _builder.Append(IndentUnit);
                _builder.Append(line);
            }
            _builder.Append('\n');
            start = end + 1;
        }
    }

    /// <summary>Writes <paramref name="header"/> (none when empty: a bare block), an opening brace, and indents until the returned scope is disposed.</summary>
    public Block Open(string header)
    {
        if (header.Length > 0) WriteLine(header);
        WriteLine("{");
        Indentation++;
        return new Block(this);
    }

    public override string ToString() => _builder.ToString();

    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;

        public Block(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer.Indentation--;
            _writer.WriteLine("}");
        }
    }
}
