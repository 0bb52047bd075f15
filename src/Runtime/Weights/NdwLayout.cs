namespace NeuralDsl.Weights;

/// <summary>
/// The byte layout of an <c>.ndw</c> file, version 1 (all integers and floats little-endian; docs/weights.md has the table).
/// </summary>
internal static class NdwLayout
{
    /// <summary>PNG-style signature: a non-ASCII first byte, the name, CR LF, Ctrl-Z and LF, so a text-mode transfer that mangles line ends is caught.</summary>
    public static readonly byte[] Magic = [0x89, (byte)'N', (byte)'D', (byte)'W', 0x0D, 0x0A, 0x1A, 0x0A];

    public const uint Version = 1;
    public const int VersionOffset = 8;
    public const int FlagsOffset = 12;
    public const int FingerprintOffset = 16;
    public const int InputSizeOffset = 24;
    public const int LayerCountOffset = 28;
    public const int ParameterCountOffset = 32;
    public const int StateCountOffset = 36;
    public const int TypeNameLengthOffset = 40;
    public const int DescriptionLengthOffset = 44;

    /// <summary>Size of the fixed part of the header; the type name and the description follow it.</summary>
    public const int FixedHeaderSize = 48;

    /// <summary>Flag bit: an optimiser section follows the state.</summary>
    public const uint OptimizerFlag = 1;

    public const int MaxTypeNameBytes = 1024;
    public const int MaxDescriptionBytes = 1 << 20;
    public const int MaxOptimizerTagBytes = 256;
    public const int ChecksumSize = 4;
}
