using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace NeuralDsl.Tests.Weights;

/// <summary>Builds safetensors files byte by byte, and splits one into its tensors' bytes, independently of the code under test.</summary>
internal static class SafetensorsTestFiles
{
    public static byte[] Build(string header, ReadOnlySpan<byte> data) => Build(Encoding.UTF8.GetBytes(header), data);

    public static byte[] Build(byte[] header, ReadOnlySpan<byte> data)
    {
        byte[] file = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
        header.CopyTo(file, 8);
        data.CopyTo(file.AsSpan(8 + header.Length));
        return file;
    }

    /// <summary>One tensor: its name, dtype, shape as JSON text, and bytes.</summary>
    public sealed record Tensor(string Name, string Dtype, string Shape, byte[] Data);

    public static List<Tensor> Entries(byte[] file)
    {
        int n = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        using JsonDocument header = JsonDocument.Parse(file.AsMemory(8, n));
        var entries = new List<Tensor>();
        foreach (JsonProperty entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__") continue;
            int begin = entry.Value.GetProperty("data_offsets")[0].GetInt32(), end = entry.Value.GetProperty("data_offsets")[1].GetInt32();
            entries.Add(new Tensor(entry.Name, entry.Value.GetProperty("dtype").GetString()!, entry.Value.GetProperty("shape").GetRawText(),
                file.AsSpan(8 + n + begin, end - begin).ToArray()));
        }
        return entries;
    }

    public static byte[] Build(IEnumerable<Tensor> tensors)
    {
        var header = new StringBuilder("{");
        var data = new List<byte>();
        foreach (Tensor t in tensors)
        {
            if (header.Length > 1) header.Append(',');
            header.Append($"\"{t.Name}\":{{\"dtype\":\"{t.Dtype}\",\"shape\":{t.Shape},\"data_offsets\":[{data.Count},{data.Count + t.Data.Length}]}}");
            data.AddRange(t.Data);
        }
        return Build(header.Append('}').ToString(), data.ToArray());
    }

    public static Dictionary<string, byte[]> Tensors(byte[] file)
    {
        int n = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        using JsonDocument header = JsonDocument.Parse(file.AsMemory(8, n));
        var tensors = new Dictionary<string, byte[]>();
        foreach (JsonProperty entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__") continue;
            int begin = entry.Value.GetProperty("data_offsets")[0].GetInt32(), end = entry.Value.GetProperty("data_offsets")[1].GetInt32();
            tensors[entry.Name] = file.AsSpan(8 + n + begin, end - begin).ToArray();
        }
        return tensors;
    }
}
