using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Weights;

/// <summary>
/// Every rule the reference reader (huggingface/safetensors) enforces, and every way a valid file can fail
/// to fit the network: a <see cref="WeightsFormatException"/> naming the problem, and the network unchanged.
/// The files are written by hand around <see cref="TinyNet"/>: 0.weight F32 [1, 2] and 0.bias F32 [1].
/// </summary>
public class SafetensorsRejectionTests
{
    private const string Weight = "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]}";
    private const string Bias = "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}";
    private const string Valid = "{" + Weight + "," + Bias + "}";

    private static byte[] Data(int length = 12)
    {
        byte[] data = new byte[length];
        float[] values = [1.5f, -2f, 0.25f, 4f];
        for (int i = 0; i + 4 <= length && i < 16; i += 4) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i), values[i / 4]);
        return data;
    }

    /// <summary>A stream that cannot seek, so the reader cannot learn the file's length up front.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }

    private static WeightsFormatException Rejected(byte[] file, WeightsError error, string mentions)
    {
        WeightsFormatException? first = null;
        foreach (Func<Stream> open in new Func<Stream>[] { () => new MemoryStream(file), () => new ForwardOnlyStream(file) })
        {
            var net = new TinyNet(seed: 3);
            var before = NetworkSnapshot.Of(net);
            var exception = Assert.Throws<WeightsFormatException>(() => net.LoadSafetensors(open()));
            Assert.True(exception.Error == error, $"{exception.Error}: {exception.Message}");
            Assert.Contains(mentions, exception.Message);
            before.AssertSame(NetworkSnapshot.Of(net));
            first ??= exception;
        }
        return first!;
    }

    private static void Invalid(string header, string mentions, int dataLength = 12) =>
        Rejected(SafetensorsTestFiles.Build(header, Data(dataLength)), WeightsError.InvalidSafetensors, mentions);

    [Fact]
    public void The_hand_written_file_is_valid()
    {
        foreach (string padding in new[] { "", "   " })
        {
            var net = new TinyNet();
            net.LoadSafetensors(new MemoryStream(SafetensorsTestFiles.Build(Valid + padding, Data())));
            Assert.Equal(new[] { 1.5f, -2f, 0.25f }, net.Parameters.ToArray());
        }
    }

    [Fact]
    public void Size_rules()
    {
        byte[] valid = SafetensorsTestFiles.Build(Valid, Data());
        for (int length = 0; length < 8; length++)
            Rejected(valid.AsSpan(0, length).ToArray(), WeightsError.InvalidSafetensors, "shorter than the 8 bytes");
        foreach (ulong n in new[] { 100_000_001UL, ulong.MaxValue, (ulong)long.MaxValue + 1 })
        {
            byte[] file = (byte[])valid.Clone();
            BinaryPrimitives.WriteUInt64LittleEndian(file, n);
            Rejected(file, WeightsError.InvalidSafetensors, "limit of 100000000");
        }
        byte[] past = (byte[])valid.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(past, (ulong)valid.Length);
        Rejected(past, WeightsError.InvalidSafetensors, "past the file's end");
    }

    [Fact]
    public void Text_rules()
    {
        Invalid(" " + Valid, "does not begin with '{'");
        Rejected(SafetensorsTestFiles.Build([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)], Data()), WeightsError.InvalidSafetensors, "does not begin with '{'");
        foreach (byte[] bad in new byte[][] { [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80] }) // invalid byte, overlong '/', encoded surrogate
        {
            byte[] header = [.. "{\"__metadata__\":{\"k\":\""u8, .. bad, .. "\"},"u8, .. Encoding.UTF8.GetBytes(Weight + "," + Bias + "}")];
            Rejected(SafetensorsTestFiles.Build(header, Data()), WeightsError.InvalidSafetensors, "not valid UTF-8");
        }
        Invalid(Valid + "x", "only spaces (0x20) may pad");
        Invalid(Valid + "\n", "only spaces (0x20) may pad");
        Invalid(Valid + "\t", "only spaces (0x20) may pad");
        Invalid(Valid + "{}", "only spaces (0x20) may pad");
        Invalid("{/*c*/" + Weight + "," + Bias + "}", "not one valid JSON object");
        Invalid("{" + Weight + "," + Bias + ",}", "not one valid JSON object");
        Invalid("{" + Weight.Replace("[1,2]", "[1,NaN]") + "," + Bias + "}", "not one valid JSON object");
        Invalid("{" + Weight + "," + Bias, "not one valid JSON object");
    }

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        Invalid("{" + Weight + "," + Weight + "," + Bias + "}", "'0.weight' appears twice");
        Invalid("{" + Weight.Replace("{\"dtype\":\"F32\",", "{\"dtype\":\"F32\",\"dtype\":\"F32\",") + "," + Bias + "}", "'dtype' appears twice");
        Invalid("{\"__metadata__\":{\"a\":\"x\",\"a\":\"y\"}," + Weight + "," + Bias + "}", "'a' appears twice");
        Invalid("{\"__metadata__\":{},\"__metadata__\":{}," + Weight + "," + Bias + "}", "'__metadata__' appears twice");
        Invalid("{\"\\ud800\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[12,12]}," + Weight + "," + Bias + "}", "lone surrogate");
    }

    [Fact]
    public void Metadata_must_map_strings_to_strings()
    {
        Invalid("{\"__metadata__\":{\"a\":1}," + Weight + "," + Bias + "}", "'a' is not a string");
        Invalid("{\"__metadata__\":{\"a\":{}}," + Weight + "," + Bias + "}", "'a' is not a string");
        Invalid("{\"__metadata__\":[]," + Weight + "," + Bias + "}", "not a map of string to string");
        Invalid("{\"__metadata__\":\"pt\"," + Weight + "," + Bias + "}", "not a map of string to string");
    }

    [Fact]
    public void Entries_need_dtype_shape_and_two_offsets()
    {
        Invalid("{\"0.weight\":{\"shape\":[1,2],\"data_offsets\":[0,8]}," + Bias + "}", "lacks dtype");
        Invalid("{\"0.weight\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}," + Bias + "}", "lacks shape");
        Invalid("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,2]}," + Bias + "}", "lacks data_offsets");
        Invalid("{\"0.weight\":[]," + Bias + "}", "is not an object");
        foreach (string dtype in new[] { "\"f32\"", "\" F32\"", "\"F32,F32\"", "\"0\"", "\"Float32\"", "\"\"" })
            Invalid("{" + Weight.Replace("\"F32\"", dtype) + "," + Bias + "}", "is not a dtype of the format");
        Invalid("{" + Weight.Replace("\"F32\"", "1") + "," + Bias + "}", "dtype is not a string");
        foreach (string shape in new[] { "[-1,2]", "[1.0,2]", "[\"1\",2]", "[1e0,2]", "[1,null]" })
            Invalid("{" + Weight.Replace("[1,2]", shape) + "," + Bias + "}", "not a non-negative integer");
        Invalid("{" + Weight.Replace("[1,2]", "{}") + "," + Bias + "}", "shape is not an array");
        Invalid("{" + Weight.Replace("[0,8]", "[0]") + "," + Bias + "}", "exactly [begin, end]");
        Invalid("{" + Weight.Replace("[0,8]", "[0,8,8]") + "," + Bias + "}", "exactly [begin, end]");
        Invalid("{" + Weight.Replace("[0,8]", "[-1,8]") + "," + Bias + "}", "not a non-negative integer");
        Invalid("{" + Weight.Replace("[0,8]", "[8,0]") + "," + Bias + "}", "end before they begin");
    }

    [Fact]
    public void Sizes_must_agree_with_offsets_without_overflow()
    {
        Invalid("{" + Weight.Replace("[1,2]", "[1,3]") + "," + Bias + "}", "needs 12 bytes");
        Invalid("{" + Weight.Replace("[1,2]", "[4294967296,4294967296,4294967296]") + "," + Bias + "}", "overflows");
        // 2^62 elements of 4 bytes wrap to 0 in unchecked 64-bit arithmetic: an empty tensor.
        Invalid("{\"x\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904],\"data_offsets\":[12,12]}," + Weight + "," + Bias + "}", "overflows");
    }

    [Fact]
    public void Offsets_must_cover_the_data_exactly()
    {
        Invalid("{" + Weight + "," + Bias.Replace("[8,12]", "[9,13]") + "}", "leaving a hole", dataLength: 13);
        Invalid("{" + Weight + "," + Bias.Replace("[8,12]", "[4,8]") + "}", "overlapping", dataLength: 8);
        Invalid("{" + Weight.Replace("[0,8]", "[4,12]") + "," + Bias.Replace("[8,12]", "[12,16]") + "}", "leaving a hole", dataLength: 16);
        Invalid(Valid, "1 bytes follow them", dataLength: 13);
        Invalid(Valid, "past the file's end", dataLength: 10);
    }

    [Fact]
    public void Tensors_that_do_not_fit_the_network_are_named()
    {
        Rejected(SafetensorsTestFiles.Build("{" + Weight + "}", Data(8)), WeightsError.MissingTensor, "'0.bias'");
        Rejected(SafetensorsTestFiles.Build("{" + Weight + "," + Bias + ",\"1.weight\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}", Data(16)),
            WeightsError.UnexpectedTensor, "'1.weight'");
        WeightsFormatException transposed = Rejected(SafetensorsTestFiles.Build("{" + Weight.Replace("[1,2]", "[2,1]") + "," + Bias + "}", Data()),
            WeightsError.ShapeMismatch, "'0.weight' has shape [2, 1]; the network needs [1, 2]");
        Assert.Contains("transposed", transposed.Message);
        Rejected(SafetensorsTestFiles.Build("{" + Weight.Replace("[1,2]", "[2]") + "," + Bias + "}", Data()), WeightsError.ShapeMismatch, "'0.weight' has shape [2]");
        foreach (string dtype in new[] { "I32", "U32" })
            Rejected(SafetensorsTestFiles.Build("{" + Weight.Replace("F32", dtype) + "," + Bias + "}", Data()), WeightsError.UnsupportedDtype, $"'0.weight' is {dtype}");
        Rejected(SafetensorsTestFiles.Build("{" + Weight + "," + Bias.Replace("F32", "I16").Replace("[1]", "[2]") + "}", Data()), WeightsError.UnsupportedDtype, "'0.bias' is I16");
    }

    [Fact]
    public void Non_finite_values_are_refused()
    {
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
        {
            byte[] data = Data();
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(8), bad);
            Rejected(SafetensorsTestFiles.Build(Valid, data), WeightsError.NonFiniteValue, "'0.bias'");
        }
        // A finite F64 beyond float32's range becomes infinite on conversion.
        byte[] wide = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(wide, 0.5);
        BinaryPrimitives.WriteDoubleLittleEndian(wide.AsSpan(8), 1e300);
        Rejected(SafetensorsTestFiles.Build("{" + Weight.Replace("F32", "F64").Replace("[0,8]", "[0,16]") + "," + Bias.Replace("[8,12]", "[16,20]") + "}", [.. wide, .. Data().AsSpan(8, 4)]),
            WeightsError.NonFiniteValue, "'0.weight' holds Infinity at flat index 1 (as float32)");
    }

    [Fact]
    public void Half_precision_types_are_read()
    {
        // F16 1.5 = 0x3E00, -2 = 0xC000; BF16 0.25 = 0x3E80 (the top half of float32 0.25).
        byte[] data = [0x00, 0x3E, 0x00, 0xC0, 0x80, 0x3E];
        var net = new TinyNet();
        net.LoadSafetensors(new MemoryStream(SafetensorsTestFiles.Build(
            "{\"0.weight\":{\"dtype\":\"F16\",\"shape\":[1,2],\"data_offsets\":[0,4]},\"0.bias\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[4,6]}}", data)));
        Assert.Equal(new[] { 1.5f, -2f, 0.25f }, net.Parameters.ToArray());
    }
}
