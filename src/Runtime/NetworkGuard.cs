using System;
using System.Globalization;

namespace NeuralDsl;

/// <summary>Argument checks shared by every generated network, with messages that name the expected sizes.</summary>
public static class NetworkGuard
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void Length(int actual, int expected, string constantName, string parameterName)
    {
        if (actual != expected)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected a span of length {expected} ({constantName}) but got {actual}."),
                parameterName);
    }

    /// <summary>Throws if <paramref name="input"/> and <paramref name="output"/> share memory: outputs are written while inputs are still read.</summary>
    public static void NoOverlap(ReadOnlySpan<float> input, ReadOnlySpan<float> output, string outputName)
    {
        if (input.Overlaps(output))
            throw new ArgumentException("The output span overlaps the input span; pass separate buffers.", outputName);
    }

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
                string.Create(CultureInfo.InvariantCulture, $"The batch has {samples} samples, so expected {samples * otherSize} floats ({samples} x {otherSize} {otherConstantName}) but got {otherLength}."),
                otherName);
        return samples;
    }

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

    /// <summary>Throws unless every target is a whole class index in [0, <paramref name="classes"/>).</summary>
    public static void ClassIndices(ReadOnlySpan<float> targets, int classes, string parameterName)
    {
        for (int i = 0; i < targets.Length; i++)
        {
            float t = targets[i];
            if (!(t >= 0f && t < classes && t == MathF.Floor(t)))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Target {i} is {t}, which is not a class index in [0, {classes})."),
                    parameterName);
        }
    }

    /// <summary>Returns <paramref name="value"/> if it is a usable learning rate (positive and finite), else throws.</summary>
    public static float LearningRate(float value)
    {
        if (!(value > 0f) || float.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "The learning rate must be positive and finite.");
        return value;
    }
}
