using System;
using System.Buffers.Binary;
using System.IO;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Weights;

/// <summary>Every way a file can be damaged or not fit: a clear <see cref="WeightsFormatException"/>, and the network exactly as it was.</summary>
public class NdwCorruptionTests
{
    private static byte[] SavedFile(bool withOptimizer = true)
    {
        using var stream = new MemoryStream();
        NdwRoundTripTests.Trained().SaveWeights(stream, includeOptimizerState: withOptimizer);
        return stream.ToArray();
    }

    private static WeightsFormatException LoadFails(byte[] file)
    {
        WeightsNet target = NdwRoundTripTests.Trained(seed: 11, steps: 2);
        var before = NetworkSnapshot.Of(target);
        var error = Assert.Throws<WeightsFormatException>(() => target.LoadWeights(new MemoryStream(file)));
        before.AssertSame(NetworkSnapshot.Of(target));
        Assert.False(target.TryLoadWeights(new MemoryStream(file), out string? message));
        Assert.Equal(error.Message, message);
        before.AssertSame(NetworkSnapshot.Of(target));
        return error;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Truncation_at_every_length_is_refused(bool withOptimizer)
    {
        byte[] file = SavedFile(withOptimizer);
        // Every length short of the whole file, so every section boundary (signature, version, fixed header,
        // names, parameters, state, optimiser tag, steps, buffers, checksum) and every point inside one.
        for (int length = 0; length < file.Length; length++)
        {
            WeightsFormatException error = LoadFails(file.AsSpan(0, length).ToArray());
            Assert.True(error.Error == WeightsError.Truncated, $"length {length}: {error.Error}: {error.Message}");
        }
    }

    [Fact]
    public void Every_flipped_byte_is_refused()
    {
        byte[] file = SavedFile();
        int optimizerSection = NdwLayout.FixedHeaderSize
            + BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(NdwLayout.TypeNameLengthOffset))
            + BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(NdwLayout.DescriptionLengthOffset))
            + 4 * (WeightsNet.ParameterCount + WeightsNet.StateCount);
        int tagLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(optimizerSection));
        int stateLengthField = optimizerSection + 4 + tagLength + 8;
        for (int i = 0; i < file.Length; i++)
        {
            byte[] damaged = (byte[])file.Clone();
            damaged[i] ^= 0x10;
            WeightsError expected = i < 8 ? WeightsError.NotAWeightsFile : i < 12 ? WeightsError.UnsupportedVersion : WeightsError.Corrupted;
            WeightsFormatException error = LoadFails(damaged);
            // A flipped size field may announce more bytes than the file has.
            bool sizeField = i < NdwLayout.FixedHeaderSize || i - optimizerSection is >= 0 and < 4 || i - stateLengthField is >= 0 and < 4;
            Assert.True(error.Error == expected || (sizeField && error.Error == WeightsError.Truncated),
                $"byte {i}: {error.Error}: {error.Message}");
        }
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        byte[] file = SavedFile();
        Array.Resize(ref file, file.Length + 1);
        Assert.Equal(WeightsError.Corrupted, LoadFails(file).Error);
    }

    [Fact]
    public void Another_version_is_refused_even_with_a_valid_checksum()
    {
        byte[] file = SavedFile();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(NdwLayout.VersionOffset), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), Crc32.Compute(file.AsSpan(0, file.Length - 4)));
        WeightsFormatException error = LoadFails(file);
        Assert.Equal(WeightsError.UnsupportedVersion, error.Error);
        Assert.Contains("version 2", error.Message);
    }

    [Fact]
    public void Another_architecture_is_refused_naming_both()
    {
        foreach (INetwork other in new INetwork[] { new NarrowerWeightsNet(), new ReluWeightsNet() })
        {
            using var stream = new MemoryStream();
            other.SaveWeights(stream);
            WeightsFormatException error = LoadFails(stream.ToArray());
            Assert.Equal(WeightsError.ArchitectureMismatch, error.Error);
            Assert.Contains(other.GetType().FullName!, error.Message);
            Assert.Contains(typeof(WeightsNet).FullName!, error.Message);
            Assert.Contains(ArchitectureFingerprint.Describe(other), error.Message);
            Assert.Contains(ArchitectureFingerprint.Describe(new WeightsNet()), error.Message);
        }
    }

    [Fact]
    public void Another_format_is_refused()
    {
        Assert.Equal(WeightsError.NotAWeightsFile, LoadFails("{\"not\": \"weights\"}"u8.ToArray()).Error);
    }
}
