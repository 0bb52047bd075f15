using System;
using System.Numerics;

namespace NeuralDsl.Data;

/// <summary>
/// Divides each class's samples among the parts of a split so that every class gets, in every part, its
/// exact share rounded down or up, and every part gets its exact total rounded down or up.
/// </summary>
/// <remarks>
/// Rounding each cell independently breaks the row sums (a class's parts must add up to its size), and
/// rounding each row by largest remainder breaks the column totals once there are three parts. Both hold
/// together (Baranyai's rounding lemma), and a rounding is found as a flow: each class hands out the
/// samples its cells' rounded-down values leave over, at most one to each part whose exact share has a
/// fraction, and each part takes as many as its rounded total allows. Augmenting paths over the few parts
/// move earlier hand-outs aside when a part is full.
/// </remarks>
internal static class Apportionment
{
    // Shares closer than this to a whole number count as whole: 0.3 * 10 must be 3, not 3.0000000000000004.
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Fills <paramref name="counts"/> ([class, part]) for classes of <paramref name="classSizes"/> and parts
    /// taking <paramref name="fractions"/> of each class (the last part takes the rest). Among the valid part
    /// totals, rounding up earlier parts is preferred. Returns -1, or the index of a part that every valid
    /// rounding leaves empty.
    /// </summary>
    public static int Apportion(ReadOnlySpan<int> classSizes, ReadOnlySpan<double> fractions, ref SeededRandom random, Span<int> counts)
    {
        int classes = classSizes.Length, parts = fractions.Length;
        var share = new double[classes * parts];   // fraction left of each exact share once rounded down
        var spare = new int[classes];              // samples of each class the rounded-down shares leave over
        var partFloor = new int[parts];
        var partShare = new double[parts];

        for (int c = 0; c < classes; c++)
        {
            double rest = classSizes[c];
            int assigned = 0;
            for (int k = 0; k < parts; k++)
            {
                double exact = k == parts - 1 ? rest : classSizes[c] * fractions[k];
                rest -= exact;
                double whole = Math.Floor(exact), fraction = exact - whole;
                if (fraction < Tolerance) fraction = 0.0;
                else if (fraction > 1.0 - Tolerance) (whole, fraction) = (whole + 1.0, 0.0);
                counts[c * parts + k] = (int)whole;
                share[c * parts + k] = fraction;
                assigned += (int)whole;
                partFloor[k] += (int)whole;
                partShare[k] += fraction;
            }
            spare[c] = classSizes[c] - assigned;
        }

        // Part k takes floor(partShare[k]) or one more of the spare samples; choose which parts round up.
        int totalSpare = 0;
        foreach (int s in spare) totalSpare += s;
        Span<int> baseTake = stackalloc int[parts];
        int roundUps = totalSpare, canRoundUp = 0;
        for (int k = 0; k < parts; k++)
        {
            double nearest = Math.Round(partShare[k]);
            bool whole = Math.Abs(partShare[k] - nearest) < Tolerance * (classes + 1);
            baseTake[k] = whole ? (int)nearest : (int)Math.Floor(partShare[k]);
            roundUps -= baseTake[k];
            if (!whole) canRoundUp |= 1 << k;
        }

        var order = new int[classes];
        for (int c = 0; c < classes; c++) order[c] = c;
        for (int i = classes - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var used = new bool[classes * parts];
        Span<int> capacity = stackalloc int[parts];
        int emptyPart = -1;
        // Ascending masks put rounding up the first parts first.
        for (int mask = 0; mask < 1 << parts; mask++)
        {
            if ((mask & ~canRoundUp) != 0 || BitOperations.PopCount((uint)mask) != roundUps) continue;
            int empty = -1;
            for (int k = 0; k < parts; k++)
            {
                capacity[k] = baseTake[k] + ((mask >> k) & 1);
                if (empty < 0 && partFloor[k] + capacity[k] == 0) empty = k;
            }
            if (empty >= 0)
            {
                if (emptyPart < 0) emptyPart = empty;
                continue;
            }
            if (!TryHandOut(spare, share, order, parts, capacity, used)) continue;
            for (int i = 0; i < used.Length; i++)
                if (used[i]) counts[i]++;
            return -1;
        }
        return emptyPart >= 0
            ? emptyPart
            : throw new InvalidOperationException("No rounding of the split was found, which the rounding lemma rules out: please report this as a bug.");
    }

    private static bool TryHandOut(int[] spare, double[] share, int[] order, int parts, Span<int> capacity, bool[] used)
    {
        Array.Clear(used);
        foreach (int c in order)
            for (int s = 0; s < spare[c]; s++)
                if (!Augment(c, share, parts, capacity, used)) return false;
        return true;
    }

    // Breadth-first over parts: hand class c's sample to a part with room, or to a full part after moving
    // one of that part's classes on to another part, and so on.
    private static bool Augment(int c, double[] share, int parts, Span<int> capacity, bool[] used)
    {
        int classes = share.Length / parts;
        Span<int> fromPart = stackalloc int[parts];
        Span<int> movedClass = stackalloc int[parts];
        Span<bool> visited = stackalloc bool[parts];
        Span<int> queue = stackalloc int[parts];
        int head = 0, tail = 0;
        for (int k = 0; k < parts; k++)
        {
            if (share[c * parts + k] > 0.0 && !used[c * parts + k])
            {
                visited[k] = true;
                fromPart[k] = -1;
                queue[tail++] = k;
            }
        }
        while (head < tail)
        {
            int p = queue[head++];
            if (capacity[p] > 0)
            {
                capacity[p]--;
                int q = p;
                while (fromPart[q] >= 0)
                {
                    int previous = fromPart[q], moved = movedClass[q];
                    used[moved * parts + previous] = false;
                    used[moved * parts + q] = true;
                    q = previous;
                }
                used[c * parts + q] = true;
                return true;
            }
            // Every part reached: the queue already holds every path worth trying.
            for (int other = 0; other < classes && tail < parts; other++)
            {
                if (other == c || !used[other * parts + p]) continue;
                for (int q = 0; q < parts; q++)
                {
                    if (visited[q] || share[other * parts + q] == 0.0 || used[other * parts + q]) continue;
                    visited[q] = true;
                    fromPart[q] = p;
                    movedClass[q] = other;
                    queue[tail++] = q;
                }
            }
        }
        return false;
    }
}
