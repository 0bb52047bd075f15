using System;
using System.Collections.Generic;
using System.Text;

namespace NeuralDsl.Reports;

/// <summary>
/// A plain-text table: each column as wide as its widest cell, text left-aligned and numbers
/// right-aligned, two spaces between columns. Shared by every report's <c>ToString()</c>.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]?> _rows = new(); // null marks a rule

    public TextTable(string[] headers, bool[] rightAligned)
    {
        _headers = headers;
        _rightAligned = rightAligned;
    }

    /// <summary>Adds a row; it must have one cell per column.</summary>
    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length) throw new ArgumentException("One cell per column.", nameof(cells));
        _rows.Add(cells);
    }

    /// <summary>Adds a horizontal rule across the table.</summary>
    public void AddRule() => _rows.Add(null);

    /// <summary>The width of the whole table, in characters.</summary>
    public int Width
    {
        get
        {
            int[] widths = ColumnWidths();
            int total = 2 * (widths.Length - 1);
            foreach (int w in widths) total += w;
            return total;
        }
    }

    /// <summary>Appends the header, a rule, the rows and the rules, each line ending with a newline.</summary>
    public void AppendTo(StringBuilder text)
    {
        int[] widths = ColumnWidths();
        int width = Width;
        AppendRow(text, _headers, widths);
        text.Append('-', width).Append('\n');
        foreach (string[]? row in _rows)
        {
            if (row is null) text.Append('-', width).Append('\n');
            else AppendRow(text, row, widths);
        }
    }

    private void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        int start = text.Length;
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0) text.Append("  ");
            string cell = cells[c];
            if (_rightAligned[c]) text.Append(' ', widths[c] - cell.Length).Append(cell);
            else text.Append(cell).Append(' ', widths[c] - cell.Length);
        }
        // No trailing blanks: the last column may be left-aligned.
        int end = text.Length;
        while (end > start && text[end - 1] == ' ') end--;
        text.Length = end;
        text.Append('\n');
    }

    private int[] ColumnWidths()
    {
        int[] widths = new int[_headers.Length];
        for (int c = 0; c < widths.Length; c++) widths[c] = _headers[c].Length;
        foreach (string[]? row in _rows)
            if (row is not null)
                for (int c = 0; c < row.Length; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        return widths;
    }
}
