using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Weights;

/// <summary>The validated content of an <c>.ndw</c> file: every field checked, the checksum matched.</summary>
internal sealed record NdwContent(
    ulong Fingerprint, int InputSize, int LayerCount, string TypeName, string Description,
    float[] Parameters, float[] State, string? OptimizerTag, long OptimizerSteps, float[] OptimizerState);

/// <summary>
/// Parses and validates the bytes of an <c>.ndw</c> file. Order of the checks: signature, version,
/// structure (every size against the bytes present: truncation), checksum, then field values.
/// </summary>
internal static class NdwReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static NdwContent Read(ReadOnlySpan<byte> file)
    {
        ReadOnlySpan<byte> magic = NdwLayout.Magic;
        int prefix = Math.Min(file.Length, magic.Length);
        if (!file.Slice(0, prefix).SequenceEqual(magic.Slice(0, prefix)))
            throw new WeightsFormatException(WeightsError.NotAWeightsFile, "The data is not an .ndw weights file: it does not start with the .ndw signature.");
        if (file.Length < NdwLayout.VersionOffset + 4) throw Truncated(file.Length, NdwLayout.VersionOffset + 4, "the signature and version");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(NdwLayout.VersionOffset));
        if (version != NdwLayout.Version)
            throw new WeightsFormatException(WeightsError.UnsupportedVersion, Invariant(
                $"The .ndw file has format version {version}; this library reads version {NdwLayout.Version}. Save it again with a matching version of NeuralDsl."));
        if (file.Length < NdwLayout.FixedHeaderSize) throw Truncated(file.Length, NdwLayout.FixedHeaderSize, "the header");

        int parameterCount = Count(file, NdwLayout.ParameterCountOffset, "parameter count", int.MaxValue);
        int stateCount = Count(file, NdwLayout.StateCountOffset, "state count", int.MaxValue);
        int typeNameLength = Count(file, NdwLayout.TypeNameLengthOffset, "type name length", NdwLayout.MaxTypeNameBytes);
        int descriptionLength = Count(file, NdwLayout.DescriptionLengthOffset, "description length", NdwLayout.MaxDescriptionBytes);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(NdwLayout.FlagsOffset));
        bool hasOptimizer = (flags & NdwLayout.OptimizerFlag) != 0;

        long at = NdwLayout.FixedHeaderSize;
        long typeNameAt = at; at += typeNameLength;
        long descriptionAt = at; at += descriptionLength;
        long parametersAt = at; at += 4L * parameterCount;
        long stateAt = at; at += 4L * stateCount;
        Require(file, at, "the parameters and state");
        long tagAt = 0, optimizerAt = 0;
        int tagLength = 0, optimizerLength = 0;
        long steps = 0;
        if (hasOptimizer)
        {
            Require(file, at + 4, "the optimiser section");
            tagLength = Count(file, (int)at, "optimiser tag length", NdwLayout.MaxOptimizerTagBytes);
            tagAt = at + 4;
            at = tagAt + tagLength;
            Require(file, at + 12, "the optimiser section");
            steps = BinaryPrimitives.ReadInt64LittleEndian(file.Slice((int)at));
            optimizerLength = Count(file, (int)at + 8, "optimiser state length", int.MaxValue);
            optimizerAt = at + 12;
            at = optimizerAt + 4L * optimizerLength;
        }
        Require(file, at + NdwLayout.ChecksumSize, "the checksum");
        if (file.Length > at + NdwLayout.ChecksumSize)
            throw new WeightsFormatException(WeightsError.Corrupted, Invariant(
                $"The .ndw file has {file.Length - at - NdwLayout.ChecksumSize} bytes after its checksum: it is corrupted or not one file."));
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice((int)at));
        uint actual = Crc32.Compute(file.Slice(0, (int)at));
        if (stored != actual)
            throw new WeightsFormatException(WeightsError.Corrupted, Invariant(
                $"The .ndw file is corrupted: its CRC-32 is 0x{actual:X8}, the file records 0x{stored:X8}."));

        // Intact from here on; values a writer of this version never produces are still refused.
        if ((flags & ~NdwLayout.OptimizerFlag) != 0)
            throw new WeightsFormatException(WeightsError.UnsupportedVersion, Invariant($"The .ndw file sets flags 0x{flags:X8} that version {NdwLayout.Version} does not define."));
        if (steps < 0)
            throw new WeightsFormatException(WeightsError.Corrupted, Invariant($"The .ndw file's optimiser step count is {steps}; it must not be negative."));
        return new NdwContent(
            BinaryPrimitives.ReadUInt64LittleEndian(file.Slice(NdwLayout.FingerprintOffset)),
            BinaryPrimitives.ReadInt32LittleEndian(file.Slice(NdwLayout.InputSizeOffset)),
            BinaryPrimitives.ReadInt32LittleEndian(file.Slice(NdwLayout.LayerCountOffset)),
            Text(file.Slice((int)typeNameAt, typeNameLength), "type name"),
            Text(file.Slice((int)descriptionAt, descriptionLength), "architecture description"),
            Floats(file.Slice((int)parametersAt, 4 * parameterCount)),
            Floats(file.Slice((int)stateAt, 4 * stateCount)),
            hasOptimizer ? Text(file.Slice((int)tagAt, tagLength), "optimiser tag") : null,
            steps,
            hasOptimizer ? Floats(file.Slice((int)optimizerAt, 4 * optimizerLength)) : []);
    }

    private static int Count(ReadOnlySpan<byte> file, int offset, string what, int max)
    {
        int value = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(offset));
        if (value < 0 || value > max)
            throw new WeightsFormatException(WeightsError.Corrupted, Invariant($"The .ndw file is corrupted: its {what} is {value}, outside [0, {max}]."));
        return value;
    }

    private static void Require(ReadOnlySpan<byte> file, long end, string section)
    {
        if (file.Length < end) throw Truncated(file.Length, end, section);
    }

    private static WeightsFormatException Truncated(long length, long needed, string section) =>
        new(WeightsError.Truncated, Invariant(
            $"The .ndw file is truncated (or a size in its header is corrupted): it must hold at least {needed} bytes to include {section}, but it has {length}."));

    private static string Text(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new WeightsFormatException(WeightsError.Corrupted, $"The .ndw file's {what} is not valid UTF-8.", e);
        }
    }

    private static float[] Floats(ReadOnlySpan<byte> bytes)
    {
        float[] values = new float[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i));
        return values;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
