using System;

namespace NeuralDsl.Optimizers;

/// <summary>
/// Updates a flat parameter span from its gradient. Optimisers keep their state (moments, velocities)
/// in buffers sized at construction, so <see cref="Step"/> allocates nothing.
/// </summary>
public interface IOptimizer
{
    /// <summary>The current step size; schedules change it between steps.</summary>
    float LearningRate { get; set; }

    /// <summary>Applies one update to <paramref name="parameters"/> from <paramref name="gradients"/> (same length as at construction).</summary>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients);

    /// <summary>Forgets all state (moments, step count), as if newly constructed.</summary>
    void Reset();
}
