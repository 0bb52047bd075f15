using System;
using System.Buffers.Binary;

namespace NeuralDsl.Weights;

/// <summary>
/// The element types of the safetensors format, by their exact, case-sensitive names, with their sizes in
/// bytes; and the conversion to float32 of the four floating-point types a network's parameters can be read from.
/// </summary>
internal static class SafetensorsDtype
{
    /// <summary>The size of one element, or 0 for a name the format does not define (sub-byte types included, which a network cannot load).</summary>
    public static int SizeOf(string name) => name switch
    {
        "BOOL" or "U8" or "I8" or "F8_E5M2" or "F8_E4M3" => 1,
        "I16" or "U16" or "F16" or "BF16" => 2,
        "I32" or "U32" or "F32" => 4,
        "I64" or "U64" or "F64" => 8,
        _ => 0,
    };

    /// <summary>Whether <paramref name="name"/> is one of the types converted to float32 on read.</summary>
    public static bool IsConvertible(string name) => name is "F32" or "F16" or "BF16" or "F64";

    /// <summary>
    /// Element <paramref name="index"/> of <paramref name="data"/> as float32: F16 and BF16 widen exactly (BF16 is the
    /// top half of an F32), F64 rounds to the nearest float32 (values beyond its range become infinities, which the loader refuses).
    /// </summary>
    public static float Read(string name, ReadOnlySpan<byte> data, int index) => name switch
    {
        "F32" => BinaryPrimitives.ReadSingleLittleEndian(data.Slice(4 * index)),
        "F16" => (float)BinaryPrimitives.ReadHalfLittleEndian(data.Slice(2 * index)),
        "BF16" => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(2 * index)) << 16),
        "F64" => (float)BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(8 * index)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a floating-point dtype."),
    };
}
