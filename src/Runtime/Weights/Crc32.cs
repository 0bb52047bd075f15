using System;

namespace NeuralDsl.Weights;

/// <summary>
/// CRC-32 with the IEEE 802.3 polynomial (reflected, 0xEDB88320; initial value and final XOR 0xFFFFFFFF):
/// the checksum of zip, gzip and PNG, whose check value for the ASCII bytes <c>123456789</c> is 0xCBF43926.
/// Written here because the runtime takes no package dependency for it.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
