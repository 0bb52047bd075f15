using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using NeuralDsl.Data;

namespace NeuralDsl;

/// <summary>Argument checks shared by every generated network, with messages that name the expected sizes.</summary>
public static class NetworkGuard
{
    // The checks below run on every generated Predict and Step: each is a compare and a branch inlined into
    // the caller, and the code that builds the message is a separate method the caller never enters (with the
    // message code in it, the JIT did not inline a check, and every one was a call).

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Length(int actual, int expected, string constantName, string parameterName)
    {
        if (actual != expected) ThrowLength(actual, expected, constantName, parameterName);
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLength(int actual, int expected, string constantName, string parameterName) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Expected a span of length {expected} ({constantName}) but got {actual}."),
            parameterName);

    /// <summary>Throws if <paramref name="input"/> and <paramref name="output"/> share memory: outputs are written while inputs are still read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoOverlap(ReadOnlySpan<float> input, ReadOnlySpan<float> output, string outputName)
    {
        if (input.Overlaps(output)) ThrowOverlap(outputName);
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOverlap(string outputName) =>
        throw new ArgumentException("The output span overlaps the input span; pass separate buffers.", outputName);

    /// <summary>
    /// Returns the number of samples in a batch of <paramref name="inputLength"/> floats, checking that it
    /// is a positive whole number of samples and that <paramref name="otherLength"/> holds as many.
    /// </summary>
    public static int BatchSize(int inputLength, int inputSize, string inputName, int otherLength, int otherSize, string otherConstantName, string otherName)
    {
        if (inputLength == 0 || inputLength % inputSize != 0)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected a positive multiple of {inputSize} (InputSize) floats, one row per sample, but got {inputLength}."),
                inputName);
        int samples = inputLength / inputSize;
        if (otherLength != samples * otherSize)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The batch has {Count(samples, "sample")}, so expected {Count(samples * otherSize, "float")} ({samples} x {otherSize} {otherConstantName}) but got {otherLength}."),
                otherName);
        return samples;
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>Throws unless the batch has at least <paramref name="minimum"/> samples, which <paramref name="layer"/> needs in training.</summary>
    public static void MinimumBatch(int batch, int minimum, string layer, string parameterName)
    {
        if (batch < minimum)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{layer} needs at least {minimum} samples per training batch, but the batch has {batch}."),
                parameterName);
    }

    /// <summary>
    /// The floats of training buffers a batch needs (<paramref name="batch"/> times
    /// <paramref name="perSample"/>, plus <paramref name="fixedSize"/>); throws a clear error when that is
    /// more than an array can hold, instead of overflowing.
    /// </summary>
    public static int TrainingBufferSize(int batch, int perSample, int fixedSize)
    {
        long size = (long)batch * perSample + fixedSize;
        if (size > Array.MaxLength)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A batch of {batch} samples needs {size} floats of training buffers, more than an array can hold; train in smaller batches."),
                "inputs");
        return (int)size;
    }

    /// <summary>Throws unless every target is a whole class index in [0, <paramref name="classes"/>), naming the first sample that is not.</summary>
    public static void ClassIndices(ReadOnlySpan<float> targets, int classes, string parameterName) =>
        TargetGuard.Check(targets, Loss.SparseCategoricalCrossEntropy, 1, classes, parameterName, "");

    /// <summary>
    /// Throws unless every value of the row-major <paramref name="values"/> (rows of <paramref name="rowSize"/>)
    /// is finite, naming the sample and column of the first that is not; <paramref name="what"/> names the
    /// column kind ("input", "target"). One vectorised pass when all are finite.
    /// </summary>
    public static void Finite(ReadOnlySpan<float> values, int rowSize, string what, string parameterName) =>
        DataGuard.Finite(values, rowSize, what, parameterName);

    /// <summary>
    /// Throws unless every row of <paramref name="targets"/> (rows of <paramref name="targetSize"/>) is a
    /// target <paramref name="loss"/> can take, naming the first sample and column that is not: class indices
    /// in [0, <paramref name="classes"/>) for sparse categorical cross-entropy, values in [0, 1] for binary
    /// cross-entropy, distributions (not negative, summing to 1 within <see cref="DistributionTolerance"/>)
    /// for categorical cross-entropy, -1 or +1 for the hinge loss. The regression losses take any value.
    /// </summary>
    public static void Targets(ReadOnlySpan<float> targets, Loss loss, int targetSize, int classes, string parameterName) =>
        TargetGuard.Check(targets, loss, targetSize, classes, parameterName, "");

    /// <summary>How far a categorical cross-entropy target row's sum may be from 1: float rounding of soft labels, not a different total.</summary>
    public const float DistributionTolerance = 1e-3f;

    /// <summary>Returns <paramref name="value"/> if it is a usable learning rate (positive and finite), else throws.</summary>
    public static float LearningRate(float value) => LearningRate(value, nameof(value), "The learning rate");

    /// <summary>Returns <paramref name="value"/> if it is a usable learning rate, else throws naming <paramref name="parameterName"/> and, in the message, <paramref name="what"/>.</summary>
    internal static float LearningRate(float value, string parameterName, string what)
    {
        if (!(value > 0f) || float.IsInfinity(value))
            throw new ArgumentOutOfRangeException(parameterName, value, what + " must be positive and finite.");
        return value;
    }
}
