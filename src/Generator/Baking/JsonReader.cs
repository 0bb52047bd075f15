using System;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Generator.Baking;

/// <summary>
/// A small, strict JSON reader (RFC 8259) for weights files: no comments, no trailing commas, no
/// duplicate member names, one value per document. It also reads the <c>NaN</c>, <c>Infinity</c> and
/// <c>-Infinity</c> tokens that Python's <c>json</c> module writes, so that a non-finite weight is
/// reported as such rather than as a syntax error. (The generator targets netstandard2.0, where
/// System.Text.Json would be a new analyzer dependency.)
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private JsonReader(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on invalid JSON returns null and says why and where.</summary>
    public static JsonNode? Parse(string text, out JsonError? error)
    {
        var reader = new JsonReader(text);
        try
        {
            if (text.Length > 0 && text[0] == '\uFEFF') reader._position = 1;
            JsonNode root = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position < text.Length) throw reader.Fail("unexpected text after the end of the document");
            error = null;
            return root;
        }
        catch (JsonFailure failure)
        {
            error = failure.Error;
            return null;
        }
    }

    private JsonNode ReadValue(int depth)
    {
        SkipWhitespace();
        if (_position >= _text.Length) throw Fail("unexpected end of the document");
        if (depth > MaxDepth) throw Fail($"nesting deeper than {MaxDepth} levels");
        char c = _text[_position];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"':
            {
                JsonNode node = NewNode(JsonKind.String);
                node.Text = ReadString();
                return node;
            }
            case 't': return ReadLiteral("true", JsonKind.True);
            case 'f': return ReadLiteral("false", JsonKind.False);
            case 'n': return ReadLiteral("null", JsonKind.Null);
            case 'N': return ReadNonFinite("NaN", float.NaN);
            case 'I': return ReadNonFinite("Infinity", float.PositiveInfinity);
            default:
                if (c == '-' && Matches("-Infinity")) return ReadNonFinite("-Infinity", float.NegativeInfinity);
                if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                throw Fail($"unexpected character '{c}'");
        }
    }

    private JsonNode ReadObject(int depth)
    {
        JsonNode node = NewNode(JsonKind.Object);
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return node;
        }
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"') throw Fail("expected a member name in double quotes");
            int line = _line, column = Column;
            string name = ReadString();
            if (node.Member(name) is not null) throw new JsonFailure(new JsonError($"duplicate member \"{name}\"", line, column));
            SkipWhitespace();
            Expect(':');
            node.Members.Add(new(name, ReadValue(depth + 1)));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }
            Expect('}');
            return node;
        }
    }

    private JsonNode ReadArray(int depth)
    {
        JsonNode node = NewNode(JsonKind.Array);
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return node;
        }
        while (true)
        {
            node.Items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }
            Expect(']');
            return node;
        }
    }

    private string ReadString()
    {
        _position++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length) throw Fail("unterminated string");
            char c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }
            if (c < ' ') throw Fail("control character in a string (escape it)");
            if (c != '\\')
            {
                builder.Append(c);
                _position++;
                continue;
            }
            _position++;
            char escape = Peek();
            _position++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length ||
                        !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        throw Fail("invalid \\u escape");
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    _position--;
                    throw Fail($"invalid escape '\\{escape}'");
            }
        }
    }

    private JsonNode ReadNumber()
    {
        JsonNode node = NewNode(JsonKind.Number);
        int start = _position;
        if (Peek() == '-') _position++;
        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek())) _position++;
        }
        else
        {
            throw Fail("invalid number: expected a digit");
        }
        if (Peek() == '.')
        {
            _position++;
            if (!IsDigit(Peek())) throw Fail("invalid number: expected a digit after '.'");
            while (IsDigit(Peek())) _position++;
        }
        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-') _position++;
            if (!IsDigit(Peek())) throw Fail("invalid number: expected a digit in the exponent");
            while (IsDigit(Peek())) _position++;
        }
        node.Text = _text.Substring(start, _position - start);
        // Parsed straight to float (correctly rounded on .NET Core 3.0 and later), not through double,
        // which could round twice. A value beyond float's range becomes an infinity and is reported.
        node.Number = float.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out float single)
            ? single
            : node.Text[0] == '-' ? float.NegativeInfinity : float.PositiveInfinity;
        node.Double = double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double wide)
            ? wide
            : node.Number;
        return node;
    }

    private JsonNode ReadLiteral(string literal, JsonKind kind)
    {
        if (!Matches(literal)) throw Fail($"unexpected text (expected '{literal}')");
        JsonNode node = NewNode(kind);
        _position += literal.Length;
        return node;
    }

    private JsonNode ReadNonFinite(string literal, float value)
    {
        JsonNode node = ReadLiteral(literal, JsonKind.Number);
        node.Text = literal;
        node.Number = value;
        node.Double = value;
        return node;
    }

    private bool Matches(string literal) => string.CompareOrdinal(_text, _position, literal, 0, literal.Length) == 0;

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }
            _position++;
        }
    }

    private void Expect(char expected)
    {
        if (Peek() != expected) throw Fail(_position >= _text.Length ? $"unexpected end of the document (expected '{expected}')" : $"expected '{expected}'");
        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private int Column => _position - _lineStart + 1;

    private JsonNode NewNode(JsonKind kind) => new(kind, _line, Column);

    private JsonFailure Fail(string message) => new(new JsonError(message, _line, Column));

    private sealed class JsonFailure : Exception
    {
        public JsonFailure(JsonError error) => Error = error;

        public JsonError Error { get; }
    }
}

/// <summary>Why a document is not valid JSON, and where (1-based line and column).</summary>
internal sealed record JsonError(string Message, int Line, int Column);
