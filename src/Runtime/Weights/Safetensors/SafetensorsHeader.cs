using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NeuralDsl.Weights;

/// <summary>One tensor of a safetensors header: its dtype, shape and byte range in the data buffer.</summary>
internal sealed record SafetensorsEntry(string Name, string Dtype, long[] Shape, long Begin, long End)
{
    /// <summary>Number of elements, the product of the shape (checked against overflow when the header was read).</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long dimension in Shape) count *= dimension;
            return count;
        }
    }
}

/// <summary>
/// Reads and validates a safetensors header with the rules of the reference reader (huggingface/safetensors):
/// strict UTF-8, a single JSON object starting at the first byte, padding of trailing spaces only, no
/// duplicate keys, <c>__metadata__</c> a map of strings, every entry with an exact dtype name, a shape of
/// non-negative integers and exactly two offsets, element counts that agree with the offsets (overflow-checked),
/// and offsets that cover the data buffer from 0 to its end with no hole or overlap.
/// </summary>
internal static class SafetensorsHeader
{
    /// <summary>The reference reader's limit on the header's length, checked before anything is allocated.</summary>
    public const ulong MaxHeaderBytes = 100_000_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<SafetensorsEntry> Parse(ReadOnlySpan<byte> header, long bufferLength)
    {
        if (header.Length == 0 || header[0] != (byte)'{')
            throw Invalid("the header does not begin with '{' (a byte-order mark, whitespace or another format).");
        try
        {
            StrictUtf8.GetCharCount(header);
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid("the header is not valid UTF-8.", e);
        }

        var entries = new List<SafetensorsEntry>();
        int end;
        try
        {
            var reader = new Utf8JsonReader(header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            reader.Read();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                string name = PropertyName(ref reader, keys, "the header");
                Next(ref reader);
                if (name == "__metadata__") ReadMetadata(ref reader);
                else entries.Add(ReadEntry(ref reader, name));
            }
            end = (int)reader.BytesConsumed;
        }
        catch (JsonException e)
        {
            throw Invalid("the header is not one valid JSON object: " + e.Message, e);
        }
        for (int i = end; i < header.Length; i++)
            if (header[i] != (byte)' ')
                throw Invalid(Invariant($"byte {i} of the header, after its JSON object, is 0x{header[i]:X2}; only spaces (0x20) may pad the header."));

        CheckCoverage(entries, bufferLength);
        return entries;
    }

    /// <summary>The next token; JSON that ends early throws <see cref="JsonException"/> (the reader is given the whole header as its final block).</summary>
    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType;
    }

    private static string PropertyName(ref Utf8JsonReader reader, HashSet<string> seen, string where)
    {
        string name;
        try
        {
            name = reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw Invalid($"a key in {where} is not a valid string (a lone surrogate escape).", e);
        }
        if (!seen.Add(name)) throw Invalid($"the key '{name}' appears twice in {where}.");
        return name;
    }

    private static void ReadMetadata(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Invalid("__metadata__ is not a map of string to string.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            string key = PropertyName(ref reader, keys, "__metadata__");
            if (Next(ref reader) != JsonTokenType.String) throw Invalid($"__metadata__ value '{key}' is not a string.");
            StringValue(ref reader, "__metadata__");
        }
    }

    private static string StringValue(ref Utf8JsonReader reader, string where)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw Invalid($"a string in {where} is not valid (a lone surrogate escape).", e);
        }
    }

    private static SafetensorsEntry ReadEntry(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Invalid($"tensor '{name}' is not an object with dtype, shape and data_offsets.");
        string? dtype = null;
        List<ulong>? shape = null, offsets = null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            string key = PropertyName(ref reader, keys, $"tensor '{name}'");
            Next(ref reader);
            switch (key)
            {
                case "dtype":
                    if (reader.TokenType != JsonTokenType.String) throw Invalid($"tensor '{name}': dtype is not a string.");
                    dtype = StringValue(ref reader, $"tensor '{name}'");
                    if (SafetensorsDtype.SizeOf(dtype) == 0)
                        throw Invalid($"tensor '{name}': '{dtype}' is not a dtype of the format (names are exact and case-sensitive: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL, ...).");
                    break;
                case "shape":
                    shape = Integers(ref reader, name, key);
                    break;
                case "data_offsets":
                    offsets = Integers(ref reader, name, key);
                    if (offsets.Count != 2) throw Invalid(Invariant($"tensor '{name}': data_offsets has {offsets.Count} values; it must be exactly [begin, end]."));
                    break;
                default:
                    reader.Skip(); // the reference reader ignores other keys
                    break;
            }
        }
        if (dtype is null || shape is null || offsets is null)
            throw Invalid($"tensor '{name}' lacks {(dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets")}.");
        if (offsets[0] > offsets[1]) throw Invalid(Invariant($"tensor '{name}': data_offsets [{offsets[0]}, {offsets[1]}] end before they begin."));
        ulong bytes = (ulong)SafetensorsDtype.SizeOf(dtype);
        long[] dimensions = new long[shape.Count];
        try
        {
            checked
            {
                for (int i = 0; i < shape.Count; i++)
                {
                    bytes *= shape[i];
                    dimensions[i] = (long)shape[i];
                }
            }
        }
        catch (OverflowException e)
        {
            throw Invalid($"tensor '{name}': the product of its shape overflows.", e);
        }
        if (bytes != offsets[1] - offsets[0])
            throw Invalid(Invariant($"tensor '{name}': shape [{string.Join(", ", shape)}] of {dtype} needs {bytes} bytes, but data_offsets [{offsets[0]}, {offsets[1]}] span {offsets[1] - offsets[0]}."));
        if (offsets[1] > long.MaxValue) throw Invalid($"tensor '{name}': data_offsets are past any file's end.");
        return new SafetensorsEntry(name, dtype, dimensions, (long)offsets[0], (long)offsets[1]);
    }

    private static List<ulong> Integers(ref Utf8JsonReader reader, string name, string key)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Invalid($"tensor '{name}': {key} is not an array.");
        var values = new List<ulong>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetUInt64(out ulong value))
                throw Invalid($"tensor '{name}': {key} holds {Encoding.UTF8.GetString(reader.ValueSpan)}, not a non-negative integer.");
            values.Add(value);
        }
        return values;
    }

    private static void CheckCoverage(List<SafetensorsEntry> entries, long bufferLength)
    {
        var sorted = entries.ToArray();
        Array.Sort(sorted, (a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        foreach (SafetensorsEntry entry in sorted)
        {
            if (entry.Begin != expected)
                throw Invalid(entry.Begin > expected
                    ? Invariant($"tensor '{entry.Name}' begins at byte {entry.Begin} of the data, leaving a hole after byte {expected}.")
                    : Invariant($"tensor '{entry.Name}' begins at byte {entry.Begin} of the data, overlapping the tensor before it, which ends at {expected}."));
            expected = entry.End;
        }
        if (expected != bufferLength)
            throw Invalid(expected < bufferLength
                ? Invariant($"the tensors end at byte {expected} of the data, but {bufferLength - expected} bytes follow them.")
                : Invariant($"the tensors end at byte {expected} of the data, past the file's end ({bufferLength} bytes of data)."));
    }

    public static WeightsFormatException Invalid(string problem, Exception? inner = null) => inner is null
        ? new(WeightsError.InvalidSafetensors, "Not a valid safetensors file: " + problem)
        : new(WeightsError.InvalidSafetensors, "Not a valid safetensors file: " + problem, inner);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
