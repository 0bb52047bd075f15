using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NeuralDsl.Weights;

/// <summary>
/// Reads a safetensors file into a network: the format's rules first (<see cref="SafetensorsHeader"/>),
/// then the network's (every tensor present, none unexpected, shapes, dtypes, finite values), into copies
/// of the parameters and state that replace the network's only when everything passed.
/// </summary>
internal static class SafetensorsReader
{
    /// <param name="network">The network to load into.</param>
    /// <param name="stream">Positioned at the start of the file.</param>
    /// <param name="knownLength">The bytes from the stream's position to the file's end, when known (files, seekable streams).</param>
    /// <param name="names">The name map.</param>
    public static void Load(INetwork network, Stream stream, long? knownLength, IReadOnlyDictionary<string, string>? names)
    {
        List<TensorSlot> slots = SafetensorsLayout.Of(network, names);
        Span<byte> prefix = stackalloc byte[8];
        if (stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8)
            throw SafetensorsHeader.Invalid("the file is shorter than the 8 bytes of its header length.");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > SafetensorsHeader.MaxHeaderBytes)
            throw SafetensorsHeader.Invalid(Invariant($"the header length is {headerLength} bytes, above the format's limit of {SafetensorsHeader.MaxHeaderBytes}."));
        if (knownLength is long length && 8 + (long)headerLength > length)
            throw SafetensorsHeader.Invalid(Invariant($"the header ({headerLength} bytes) runs past the file's end ({length} bytes)."));
        byte[] header = new byte[headerLength];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            throw SafetensorsHeader.Invalid(Invariant($"the header ({headerLength} bytes) runs past the file's end."));

        byte[] buffer;
        List<SafetensorsEntry> entries;
        if (knownLength is long total)
        {
            long bufferLength = total - 8 - (long)headerLength;
            entries = SafetensorsHeader.Parse(header, bufferLength);
            if (bufferLength > Array.MaxLength) throw SafetensorsHeader.Invalid("the data is too large to load.");
            buffer = new byte[bufferLength];
            stream.ReadExactly(buffer);
        }
        else
        {
            using var rest = new MemoryStream();
            stream.CopyTo(rest);
            buffer = rest.ToArray();
            entries = SafetensorsHeader.Parse(header, buffer.Length);
        }

        var byName = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        foreach (SafetensorsEntry entry in entries) byName[entry.Name] = entry;
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (TensorSlot slot in slots) expected.Add(slot.Name);
        foreach (SafetensorsEntry entry in entries)
            if (!expected.Contains(entry.Name))
                throw new WeightsFormatException(WeightsError.UnexpectedTensor,
                    $"The safetensors file holds tensor '{entry.Name}', which {NdwWriter.NetworkName(network)} has no place for. Its tensors: {string.Join(", ", expected)} (pass a name map for other module names).");

        float[] parameters = network.Parameters.ToArray(), state = network.State.ToArray();
        foreach (TensorSlot slot in slots)
        {
            if (!byName.TryGetValue(slot.Name, out SafetensorsEntry? entry))
            {
                if (slot.Source == TensorSource.BatchCounter) continue; // optional, as in PyTorch's own loading of old state dicts
                throw new WeightsFormatException(WeightsError.MissingTensor,
                    $"The safetensors file has no tensor '{slot.Name}' ({slot.ShapeText}), which {NdwWriter.NetworkName(network)} needs.");
            }
            if (slot.Source == TensorSource.BatchCounter)
            {
                if (entry.Dtype is not ("I64" or "I32" or "U64" or "U32"))
                    throw new WeightsFormatException(WeightsError.UnsupportedDtype, $"Tensor '{slot.Name}' is {entry.Dtype}; a batch counter is an integer (PyTorch writes I64).");
                CheckShape(slot, entry);
                continue;
            }
            if (!SafetensorsDtype.IsConvertible(entry.Dtype))
                throw new WeightsFormatException(WeightsError.UnsupportedDtype,
                    $"Tensor '{slot.Name}' is {entry.Dtype}; parameters are read from F32, F16, BF16 or F64.");
            CheckShape(slot, entry);
            float[] target = slot.Source == TensorSource.State ? state : parameters;
            ReadOnlySpan<byte> data = buffer.AsSpan((int)entry.Begin, (int)(entry.End - entry.Begin));
            for (int k = 0; k < slot.Count; k++)
            {
                float value = SafetensorsDtype.Read(entry.Dtype, data, k);
                if (!float.IsFinite(value))
                    throw new WeightsFormatException(WeightsError.NonFiniteValue, Invariant(
                        $"Tensor '{slot.Name}' holds {value} at flat index {k}{(entry.Dtype == "F64" ? " (as float32)" : "")}; weights must be finite."));
                if (slot.Source == TensorSource.AddedBias) target[slot.IndexOf(k)] += value;
                else target[slot.IndexOf(k)] = value;
            }
        }
        parameters.CopyTo(network.Parameters);
        state.CopyTo(network.State);
    }

    private static void CheckShape(TensorSlot slot, SafetensorsEntry entry)
    {
        bool same = entry.Shape.Length == slot.Shape.Length;
        for (int i = 0; same && i < slot.Shape.Length; i++) same = entry.Shape[i] == slot.Shape[i];
        if (same) return;
        string actual = "[" + string.Join(", ", entry.Shape) + "]";
        bool transposed = slot.Transposed && entry.Shape.Length == 2 && entry.Shape[0] == slot.Shape[1] && entry.Shape[1] == slot.Shape[0]
            && slot.Shape[0] != slot.Shape[1];
        throw new WeightsFormatException(WeightsError.ShapeMismatch, Invariant(
            $"Tensor '{slot.Name}' has shape {actual}; the network needs {slot.ShapeText}") + (transposed
            ? " (it looks transposed: nn.Linear stores [out, in], which is how this library writes and reads it)."
            : "."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
