using Spectre.Console;

namespace NeuralDsl.Tools.Progress;

/// <summary>How <see cref="ProgressExtensions.WithProgress"/> reports training. Every property has a default.</summary>
public sealed class ProgressOptions
{
    /// <summary>Bar, plain lines, nothing, or chosen from the output (default <see cref="ProgressMode.Auto"/>).</summary>
    public ProgressMode Mode { get; init; } = ProgressMode.Auto;

    /// <summary>Where to write; null is the process's console (<see cref="AnsiConsole.Console"/>).</summary>
    public IAnsiConsole? Console { get; init; }

    /// <summary>
    /// The least time between two redraws of the batch bar (default 50 ms): a fast epoch has thousands of
    /// batches, and redrawing after each would cost more than training them.
    /// </summary>
    public System.TimeSpan RefreshInterval { get; init; } = System.TimeSpan.FromMilliseconds(50);
}
