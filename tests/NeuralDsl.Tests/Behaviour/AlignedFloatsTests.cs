using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>Generated networks keep their parameters on a 64-byte boundary, through collections too.</summary>
public class AlignedFloatsTests
{
    private static long Address(Span<float> span) => (long)Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref MemoryMarshal.GetReference(span));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(4065)]
    public void The_block_starts_on_a_64_byte_boundary_and_holds_zeros(int count)
    {
        var block = new AlignedFloats(count);
        Assert.Equal(count, block.Span.Length);
        Assert.Equal(0, Address(block.Span) % 64);
        Assert.All(block.Span.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_network_s_parameters_stay_aligned_after_garbage_collections()
    {
        var nets = new Recurrent.StreamGru32[20];
        for (int i = 0; i < nets.Length; i++)
        {
            nets[i] = new Recurrent.StreamGru32(i);
            _ = new byte[1000 + i]; // interleave other allocations
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        foreach (Recurrent.StreamGru32 net in nets) Assert.Equal(0, Address(net.Parameters) % 64);
    }

    [Fact]
    public void A_negative_count_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedFloats(-1));
}
