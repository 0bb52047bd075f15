using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// The "bandwidth" mode: how fast this machine can merely read a workload's weights, again and again,
/// as single-sample inference must. A forward pass cannot be faster than one read of its weights, so
/// this is the floor under R2's and R3's Predict. Prints the best of five timed loops per size.
/// </summary>
public static class ReadBandwidth
{
    public static int Run()
    {
        Console.WriteLine("Sequential reads, 8 independent vector sums, best of 5 loops:");
        foreach ((string name, int floats) in new[]
        {
            ("R1", TinyNet.ParameterCount),
            ("R3", DeepNarrowNet.ParameterCount),
            ("R2", MnistNet.ParameterCount),
        })
        {
            float[] data = new float[(floats + 127) / 128 * 128];
            float sink = 0;
            for (int i = 0; i < 1000; i++) sink += Sum(data);
            double best = double.MaxValue;
            int passes = Math.Max(100, 50_000_000 / data.Length);
            for (int round = 0; round < 5; round++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < passes; i++) sink += Sum(data);
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds / passes);
            }
            PeerTiming.Sink += sink;
            Console.WriteLine($"  {name}'s parameters ({floats * 4 / 1000.0:F1} KB): {best * 1e9:F0} ns per read, {data.Length * 4.0 / best / 1e9:F1} GB/s");
        }
        return 0;
    }

    // Fully optimised from the first call: the measurement is shorter than tiered compilation's delay.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Sum(float[] data)
    {
        ref float r = ref MemoryMarshal.GetArrayDataReference(data);
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (nuint i = 0; i < (nuint)data.Length; i += 128)
            {
                s0 += Vector512.LoadUnsafe(ref r, i);
                s1 += Vector512.LoadUnsafe(ref r, i + 16);
                s2 += Vector512.LoadUnsafe(ref r, i + 32);
                s3 += Vector512.LoadUnsafe(ref r, i + 48);
                s4 += Vector512.LoadUnsafe(ref r, i + 64);
                s5 += Vector512.LoadUnsafe(ref r, i + 80);
                s6 += Vector512.LoadUnsafe(ref r, i + 96);
                s7 += Vector512.LoadUnsafe(ref r, i + 112);
            }
            return Vector512.Sum(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        }
        Vector256<float> t0 = default, t1 = default, t2 = default, t3 = default, t4 = default, t5 = default, t6 = default, t7 = default;
        for (nuint i = 0; i < (nuint)data.Length; i += 64)
        {
            t0 += Vector256.LoadUnsafe(ref r, i);
            t1 += Vector256.LoadUnsafe(ref r, i + 8);
            t2 += Vector256.LoadUnsafe(ref r, i + 16);
            t3 += Vector256.LoadUnsafe(ref r, i + 24);
            t4 += Vector256.LoadUnsafe(ref r, i + 32);
            t5 += Vector256.LoadUnsafe(ref r, i + 40);
            t6 += Vector256.LoadUnsafe(ref r, i + 48);
            t7 += Vector256.LoadUnsafe(ref r, i + 56);
        }
        return Vector256.Sum(((t0 + t1) + (t2 + t3)) + ((t4 + t5) + (t6 + t7)));
    }
}
