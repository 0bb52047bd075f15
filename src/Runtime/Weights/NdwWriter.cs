using System;
using System.Buffers.Binary;
using System.Text;
using NeuralDsl.Optimizers;

namespace NeuralDsl.Weights;

/// <summary>Serialises a network (and optionally its optimiser's state) into the bytes of an <c>.ndw</c> file.</summary>
internal static class NdwWriter
{
    public static byte[] Write(INetwork network, IOptimizerState? optimizer)
    {
        byte[] typeName = Encoding.UTF8.GetBytes(NetworkName(network));
        byte[] description = Encoding.UTF8.GetBytes(ArchitectureFingerprint.Describe(network));
        if (typeName.Length > NdwLayout.MaxTypeNameBytes || description.Length > NdwLayout.MaxDescriptionBytes)
            throw new InvalidOperationException("The network's type name or architecture description is too long for the .ndw header.");
        byte[] tag = optimizer is null ? [] : Encoding.UTF8.GetBytes(optimizer.StateTag);
        if (tag.Length > NdwLayout.MaxOptimizerTagBytes)
            throw new InvalidOperationException($"The optimiser's state tag '{optimizer!.StateTag}' is longer than {NdwLayout.MaxOptimizerTagBytes} bytes.");
        ReadOnlySpan<float> parameters = network.Parameters;
        ReadOnlySpan<float> state = network.State;
        int optimizerFloats = optimizer?.StateLength ?? 0;

        long length = checked(NdwLayout.FixedHeaderSize + typeName.Length + description.Length + 4L * parameters.Length + 4L * state.Length
            + (optimizer is null ? 0 : 4 + tag.Length + 8 + 4 + 4L * optimizerFloats) + NdwLayout.ChecksumSize);
        if (length > Array.MaxLength) throw new InvalidOperationException("The network is too large for one .ndw file.");
        byte[] file = new byte[length];
        Span<byte> span = file;

        NdwLayout.Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(NdwLayout.VersionOffset), NdwLayout.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(NdwLayout.FlagsOffset), optimizer is null ? 0u : NdwLayout.OptimizerFlag);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(NdwLayout.FingerprintOffset), ArchitectureFingerprint.Compute(network));
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(NdwLayout.InputSizeOffset), network.InputSize);
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(NdwLayout.LayerCountOffset), network.Layers.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(NdwLayout.ParameterCountOffset), parameters.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(NdwLayout.StateCountOffset), state.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(NdwLayout.TypeNameLengthOffset), typeName.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(NdwLayout.DescriptionLengthOffset), description.Length);
        int at = NdwLayout.FixedHeaderSize;
        typeName.CopyTo(span.Slice(at));
        at += typeName.Length;
        description.CopyTo(span.Slice(at));
        at += description.Length;
        at = WriteFloats(span, at, parameters);
        at = WriteFloats(span, at, state);
        if (optimizer is not null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(at), tag.Length);
            at += 4;
            tag.CopyTo(span.Slice(at));
            at += tag.Length;
            BinaryPrimitives.WriteInt64LittleEndian(span.Slice(at), optimizer.StepCount);
            at += 8;
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(at), optimizerFloats);
            at += 4;
            float[] buffers = new float[optimizerFloats];
            optimizer.ExportState(buffers);
            at = WriteFloats(span, at, buffers);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(at), Crc32.Compute(span.Slice(0, at)));
        return file;
    }

    /// <summary>The network's type name as messages show it.</summary>
    public static string NetworkName(INetwork network) => network.GetType().FullName ?? network.GetType().Name;

    private static int WriteFloats(Span<byte> file, int at, ReadOnlySpan<float> values)
    {
        foreach (float value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(file.Slice(at), value);
            at += 4;
        }
        return at;
    }
}
