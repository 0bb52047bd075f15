using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NeuralDsl.Recurrent;

/// <summary>
/// Checks shared by the geometry records (positive sizes, totals that fit an array) and by the kernels of
/// every kind (the spans Step, Reset, Forward and Backward take, one or both directions), with the same
/// messages for each.
/// </summary>
internal static class RecurrentSizes
{
    public static int Positive(int value, string parameterName)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(parameterName, value, "Must be positive.");
        return value;
    }

    /// <summary>Throws when <paramref name="size"/> floats (computed in 64 bits) are more than an array can hold.</summary>
    public static void Fits(long size, string what)
    {
        if (size > Array.MaxLength)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{what} would need {size} floats, more than an array can hold."));
    }

    /// <summary>Throws unless a span of <paramref name="actual"/> floats is empty (an input gradient not wanted) or holds <paramref name="expected"/>.</summary>
    public static void OptionalLength(int actual, int expected, string constantName, string parameterName)
    {
        if (actual != 0) NetworkGuard.Length(actual, expected, constantName, parameterName);
    }

    /// <summary>Says which of Step's spans is wrong; called only when the kernel's single fast check failed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void StepArgumentError<TGeometry>(TGeometry geometry, int x, ReadOnlySpan<float> state, int parameters, ReadOnlySpan<float> h,
        ReadOnlySpan<float> scratch, bool scratchApartFromState)
        where TGeometry : struct, IRecurrentGeometry
    {
        NetworkGuard.Length(x, geometry.Inputs, "Inputs", nameof(x));
        NetworkGuard.Length(state.Length, geometry.StateSize, "StateSize", nameof(state));
        NetworkGuard.Length(parameters, geometry.ParameterCount, "ParameterCount", nameof(parameters));
        NetworkGuard.Length(h.Length, geometry.Units, "Units", nameof(h));
        NetworkGuard.Length(scratch.Length, geometry.StepScratchSize, "StepScratchSize", nameof(scratch));
        NetworkGuard.NoOverlap(state, h, nameof(h));
        if (scratchApartFromState) NetworkGuard.NoOverlap(state, scratch, nameof(scratch));
    }

    /// <summary>Clears a stream's state after checking its size.</summary>
    public static void Reset<TGeometry>(TGeometry geometry, Span<float> state)
        where TGeometry : struct, IRecurrentGeometry
    {
        NetworkGuard.Length(state.Length, geometry.StateSize, "StateSize", nameof(state));
        state.Clear();
    }

    /// <summary>The sizes a whole-sequence forward pass takes, for one direction or both (<paramref name="directions"/> 2: Bidirectional).</summary>
    public static void Forward<TGeometry>(TGeometry geometry, int directions, int x, int parameters, int cache, int output, bool returnSequences)
        where TGeometry : struct, IRecurrentGeometry
    {
        NetworkGuard.Length(x, geometry.InputSize, "InputSize", nameof(x));
        NetworkGuard.Length(parameters, directions * geometry.ParameterCount, ParameterCountName(directions), nameof(parameters));
        NetworkGuard.Length(cache, directions * geometry.CacheSize, directions == 1 ? "CacheSize" : "2 * CacheSize", nameof(cache));
        NetworkGuard.Length(output, directions * geometry.OutputSize(returnSequences), OutputName(directions, returnSequences), nameof(output));
    }

    /// <summary>The sizes backpropagation through time takes, for one direction or both; an empty dx is allowed (a first layer).</summary>
    public static void Backward<TGeometry>(TGeometry geometry, int directions, int x, int parameters, int cache, int outputGradient, bool returnSequences,
        int gradients, int dx, int scratch)
        where TGeometry : struct, IRecurrentGeometry
    {
        NetworkGuard.Length(x, geometry.InputSize, "InputSize", nameof(x));
        NetworkGuard.Length(parameters, directions * geometry.ParameterCount, ParameterCountName(directions), nameof(parameters));
        NetworkGuard.Length(cache, directions * geometry.CacheSize, directions == 1 ? "CacheSize" : "2 * CacheSize", nameof(cache));
        NetworkGuard.Length(outputGradient, directions * geometry.OutputSize(returnSequences), OutputName(directions, returnSequences), nameof(outputGradient));
        NetworkGuard.Length(gradients, directions * geometry.ParameterCount, ParameterCountName(directions), nameof(gradients));
        OptionalLength(dx, geometry.InputSize, "InputSize", nameof(dx));
        NetworkGuard.Length(scratch, geometry.BackwardScratchSize, "BackwardScratchSize", nameof(scratch));
    }

    // Literals only: the checks run on every call, and must not allocate.
    private static string ParameterCountName(int directions) => directions == 1 ? "ParameterCount" : "2 * ParameterCount";

    private static string OutputName(int directions, bool returnSequences) =>
        directions == 2 ? "2 * OutputSize" : returnSequences ? "Steps * Units" : "Units";
}
