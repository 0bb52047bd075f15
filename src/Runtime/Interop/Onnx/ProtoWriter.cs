using System;
using System.Buffers.Binary;
using System.Text;

namespace NeuralDsl.Interop.Onnx;

/// <summary>
/// Protocol-buffers wire encoding of one message, just what the ONNX subset needs: varints,
/// 32-bit floats, length-delimited strings and nested messages, packed floats. A nested message is
/// written into its own writer first, because its length prefix precedes it.
/// </summary>
internal sealed class ProtoWriter
{
    // Wire types of the protobuf encoding.
    private const int Varint = 0;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer = new byte[64];
    private int _length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>An integer field (int32, int64 or enum): negative values take ten bytes, as the encoding requires.</summary>
    public void WriteInt64(int field, long value)
    {
        WriteTag(field, Varint);
        WriteVarint((ulong)value);
    }

    /// <summary>A float field (fixed 32 bits, little-endian).</summary>
    public void WriteFloat(int field, float value)
    {
        WriteTag(field, Fixed32);
        BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);
    }

    /// <summary>A string field, UTF-8 encoded.</summary>
    public void WriteString(int field, string value)
    {
        int byteCount = Utf8.GetByteCount(value);
        WriteTag(field, LengthDelimited);
        WriteVarint((ulong)byteCount);
        Utf8.GetBytes(value, Reserve(byteCount));
    }

    /// <summary>A nested message field.</summary>
    public void WriteMessage(int field, ProtoWriter message)
    {
        WriteTag(field, LengthDelimited);
        WriteVarint((ulong)message._length);
        message.Written.CopyTo(Reserve(message._length));
    }

    /// <summary>A repeated float field in packed form: one length prefix, then the values little-endian.</summary>
    public void WritePackedFloats(int field, ReadOnlySpan<float> values)
    {
        WriteTag(field, LengthDelimited);
        long byteCount = 4L * values.Length;
        WriteVarint((ulong)byteCount);
        Span<byte> bytes = Reserve(byteCount);
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.Slice(i * 4, 4), values[i]);
    }

    private void WriteTag(int field, int wireType) => WriteVarint((ulong)(uint)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        Span<byte> bytes = Reserve(VarintLength(value));
        int i = 0;
        while (value >= 0x80)
        {
            bytes[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[i] = (byte)value;
    }

    private static int VarintLength(ulong value)
    {
        int length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }
        return length;
    }

    private Span<byte> Reserve(long count)
    {
        long needed = _length + count;
        if (needed > Array.MaxLength)
            throw new NotSupportedException("The ONNX model would exceed 2 GB, the largest protobuf message; this exporter keeps weights inside the model.");
        if (needed > _buffer.Length)
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _buffer.Length)));
        Span<byte> span = _buffer.AsSpan(_length, (int)count);
        _length = (int)needed;
        return span;
    }
}
