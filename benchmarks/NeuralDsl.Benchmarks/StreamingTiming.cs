using System;
using System.Diagnostics;
using System.Threading;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// The "streaming" mode: per-step times of the streaming recurrent workloads from many short windows
/// (256 steps, about 20 to 100 microseconds each). On a machine shared with other processes a long
/// BenchmarkDotNet iteration is stretched by every preemption; the fastest short windows are the ones
/// that ran undisturbed, so the minimum and the low percentiles show the code's own speed. Prints the
/// minimum, the 10th percentile and the median per step.
/// </summary>
public static class StreamingTiming
{
    private const int Window = 256, Windows = 4000;

    public static int Run()
    {
        Console.WriteLine($"Per-step time, windows of {Window} steps, {Windows} windows: min / p10 / median");
        foreach (StreamingWorkload workload in new[] { StreamingWorkload.Lstm16(), StreamingWorkload.Gru32(), StreamingWorkload.Lstm40() })
        {
            float sink = 0;
            // Past tiered compilation: the runtime promotes a method to optimised code on a background thread
            // after a quiet spell, which a busy machine can hold off for a while; time only steady code.
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 1000)
            {
                for (int i = 0; i < 10_000; i++) sink += workload.Step();
                if (warm.ElapsedMilliseconds % 200 < 20) Thread.Sleep(20);
            }
            double[] times = new double[Windows];
            for (int w = 0; w < Windows; w++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < Window; i++) sink += workload.Step();
                times[w] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / Window;
            }
            Array.Sort(times);
            PeerTiming.Sink += sink;
            Console.WriteLine($"  {workload.Name}: {times[0]:F1} / {times[Windows / 10]:F1} / {times[Windows / 2]:F1} ns");
        }
        return 0;
    }
}
