using System;
using System.Globalization;

namespace NeuralDsl.Optimizers;

/// <summary>
/// The argument checks of the optimisers, with PyTorch's ranges and messages that state them. Each
/// returns the value it accepted, so a constructor can check and assign in one expression.
/// </summary>
internal static class OptimizerArguments
{
    public static int ParameterCount(int value) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException("parameterCount", value, "The parameter count must be at least 1.");

    public static float LearningRate(float value, string parameterName) =>
        AtLeastZero(value, parameterName, "The learning rate");

    /// <summary>Checks a coefficient that PyTorch requires to be at least 0 (and that must be finite to mean anything).</summary>
    public static float AtLeastZero(float value, string parameterName, string what) =>
        value >= 0f && float.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} must be finite and at least 0: the valid range is [0, +inf).");

    /// <summary>Checks a moment decay rate, which PyTorch requires to be in [0, 1).</summary>
    public static float Beta(float value, string parameterName) =>
        value >= 0f && value < 1f
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be in [0, 1).");

    /// <summary>Checks a fraction in [0, 1] (smoothing constants and dampening, where PyTorch checks less).</summary>
    public static float Fraction(float value, string parameterName, string what) =>
        value >= 0f && value <= 1f
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} must be in [0, 1].");

    /// <summary>
    /// Throws unless both spans hold <paramref name="expected"/> values and do not share memory: the update
    /// writes the parameters while it still reads the gradients, which the caller's span must keep intact.
    /// </summary>
    public static void Spans(ReadOnlySpan<float> parameters, ReadOnlySpan<float> gradients, int expected)
    {
        if (parameters.Length != expected)
            throw new ArgumentException(LengthMessage(expected, parameters.Length), nameof(parameters));
        if (gradients.Length != expected)
            throw new ArgumentException(LengthMessage(expected, gradients.Length), nameof(gradients));
        if (parameters.Overlaps(gradients))
            throw new ArgumentException("The gradient span overlaps the parameter span; pass separate buffers.", nameof(gradients));
    }

    private static string LengthMessage(int expected, int actual) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Expected a span of length {expected} (the parameter count the optimiser was constructed with) but got {actual}.");
}
