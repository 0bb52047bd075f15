using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace NeuralDsl.Weights;

/// <summary>Writes a network as a safetensors file: F32 tensors (the batch counter as I64), in layout order, header padded with spaces to a multiple of 8 bytes.</summary>
internal static class SafetensorsWriter
{
    public static byte[] Write(INetwork network, IReadOnlyDictionary<string, string>? names)
    {
        List<TensorSlot> slots = SafetensorsLayout.Of(network, names);
        using var headerStream = new MemoryStream();
        long offset = 0;
        using (var json = new Utf8JsonWriter(headerStream))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            json.WriteString("format", "pt");
            json.WriteEndObject();
            foreach (TensorSlot slot in slots)
            {
                int size = slot.Source == TensorSource.BatchCounter ? 8 : 4;
                json.WriteStartObject(slot.Name);
                json.WriteString("dtype", slot.Source == TensorSource.BatchCounter ? "I64" : "F32");
                json.WriteStartArray("shape");
                foreach (int dimension in slot.Shape) json.WriteNumberValue(dimension);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += (long)slot.Count * size;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        int headerLength = (int)headerStream.Length;
        int padded = (headerLength + 7) / 8 * 8;
        byte[] file = new byte[checked(8 + padded + offset)];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)padded);
        headerStream.GetBuffer().AsSpan(0, headerLength).CopyTo(file.AsSpan(8));
        file.AsSpan(8 + headerLength, padded - headerLength).Fill((byte)' ');

        ReadOnlySpan<float> parameters = network.Parameters, state = network.State;
        int at = 8 + padded;
        foreach (TensorSlot slot in slots)
        {
            if (slot.Source == TensorSource.BatchCounter)
            {
                at += 8; // num_batches_tracked: this library does not count batches; 0 is what PyTorch starts from
                continue;
            }
            if (slot.Source == TensorSource.AddedBias)
            {
                at += 4 * slot.Count; // bias_hh of a layer with one bias: all of it is in bias_ih
                continue;
            }
            ReadOnlySpan<float> source = slot.Source == TensorSource.State ? state : parameters;
            for (int k = 0; k < slot.Count; k++, at += 4)
                BinaryPrimitives.WriteSingleLittleEndian(file.AsSpan(at), source[slot.IndexOf(k)]);
        }
        return file;
    }
}
