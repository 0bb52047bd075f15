using System;
using System.Diagnostics;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// The "conv" mode: ConvolutionBenchmarks' pairs (direct, im2col) timed one call at a time, the two
/// variants alternating, so that both see the same load on a shared machine; prints the least and the
/// median of 400 calls each. A call is far shorter than a scheduler time slice, so the least time is
/// one that no other process interrupted.
/// </summary>
public static class ConvolutionTiming
{
    private const int Calls = 400;

    public static int Run()
    {
        var b = new ConvolutionBenchmarks();
        b.Setup();
        Console.WriteLine($"One image per call, {Calls} calls each, variants alternating; least and median in microseconds.");
        Console.WriteLine($"{"Workload",-34} {"direct min",11} {"median",8} {"im2col min",11} {"median",8}");
        Pair("CNN forward (2 conv + 2 max pool)", () => b.Forward(), () => b.ForwardIm2Col());
        b.Setup(); // the forward passes rewrote the pooled activations; the backward passes read them after a ReLU
        Pair("CNN backward", () => b.Backward(), () => b.BackwardIm2Col());
        Pair("Conv 14x14x32 -> 64 forward", () => b.Conv2Forward(), () => b.Conv2ForwardIm2Col());
        Pair("Conv 14x14x32 -> 64 backward", () => b.Conv2Backward(), () => b.Conv2BackwardIm2Col());
        return 0;
    }

    private static void Pair(string name, Func<float> direct, Func<float> im2col)
    {
        float sink = 0;
        for (int i = 0; i < 200; i++) sink += direct() + im2col();
        double[] a = new double[Calls], c = new double[Calls];
        for (int i = 0; i < Calls; i++)
        {
            long start = Stopwatch.GetTimestamp();
            sink += direct();
            a[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            start = Stopwatch.GetTimestamp();
            sink += im2col();
            c[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(a);
        Array.Sort(c);
        PeerTiming.Sink += sink;
        Console.WriteLine($"{name,-34} {a[0],11:F1} {a[Calls / 2],8:F1} {c[0],11:F1} {c[Calls / 2],8:F1}");
    }
}
