using System;

namespace NeuralDsl.Tests;

/// <summary>How many bytes an operation allocates per round of calls, robust to one-off runtime allocations.</summary>
internal static class Allocations
{
    // Runtime machinery (tiered JIT promotion, on-stack replacement, type loading) can allocate on the
    // calling thread during the first hundreds of calls, and once in a while later. A real per-call
    // allocation shows in every round, so the least of three rounds after a warm-up is 0 exactly when
    // the code itself allocates nothing.
    public static long PerRound(Action action, int calls = 1000, int warmUp = 300)
    {
        for (int i = 0; i < warmUp; i++) action();
        long least = long.MaxValue;
        for (int round = 0; round < 3 && least > 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++) action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
