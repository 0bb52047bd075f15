using System;

namespace NeuralDsl.Optimizers;

/// <summary>
/// An optimiser whose state (moment buffers, step count) can be copied out and back in, so that a
/// weights file can carry it and training resumes exactly where it stopped. Every optimiser of this
/// library implements it; a custom <see cref="IOptimizer"/> that does not is saved without state.
/// </summary>
/// <remarks>
/// The state is what the optimiser has learnt from past steps, not its configuration: the learning
/// rate and hyperparameters come from the optimiser the state is imported into.
/// </remarks>
/// <example>
/// <code>
/// var source = (IOptimizerState)net.TrainingOptimizer;
/// float[] buffers = new float[source.StateLength];
/// source.ExportState(buffers);
/// ((IOptimizerState)other.TrainingOptimizer).ImportState(buffers, source.StepCount);
/// </code>
/// </example>
public interface IOptimizerState
{
    /// <summary>
    /// Names the optimiser type and the layout of its buffers (for example <c>Adam</c>); state is only
    /// imported into an optimiser with the same tag.
    /// </summary>
    string StateTag { get; }

    /// <summary>Number of floats <see cref="ExportState"/> writes (0 for plain SGD without momentum).</summary>
    int StateLength { get; }

    /// <summary>Steps taken since construction or the last <see cref="IOptimizer.Reset"/>.</summary>
    long StepCount { get; }

    /// <summary>Copies the buffers, one after the other, into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not <see cref="StateLength"/> long.</exception>
    void ExportState(Span<float> destination);

    /// <summary>Replaces the buffers and the step count with exported ones.</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not <see cref="StateLength"/> long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepCount"/> is negative.</exception>
    void ImportState(ReadOnlySpan<float> source, long stepCount);
}
