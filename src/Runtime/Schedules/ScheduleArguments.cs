using System;

namespace NeuralDsl.Schedules;

/// <summary>The argument checks of the schedules, with messages that state the valid range.</summary>
internal static class ScheduleArguments
{
    public static void Query(int epoch, float baseLearningRate)
    {
        if (epoch < 0)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "The epoch must be at least 0.");
        NonNegative(baseLearningRate, nameof(baseLearningRate), "The base learning rate");
    }

    public static int AtLeast(int value, int minimum, string parameterName, string what) =>
        value >= minimum ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} must be at least {minimum}.");

    public static float NonNegative(float value, string parameterName, string what) =>
        value >= 0f && float.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} must be finite and at least 0: the valid range is [0, +inf).");

    public static float BelowOne(float value, string parameterName, string what) =>
        value >= 0f && value < 1f
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} must be in [0, 1).");
}
