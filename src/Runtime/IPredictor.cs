using System;
using System.Collections.Generic;

namespace NeuralDsl;

/// <summary>
/// Inference only: what both a trainable network (<see cref="INetwork"/>) and a network whose weights
/// are compiled into the assembly (<see cref="NetworkAttribute.Weights"/>) offer. Code that only predicts
/// takes an <see cref="IPredictor"/> and works with either.
/// </summary>
/// <example>
/// <code>
/// static int Classify(IPredictor net, ReadOnlySpan&lt;float&gt; image)
/// {
///     Span&lt;float&gt; scores = stackalloc float[net.OutputSize];
///     net.Predict(image, scores);
///     return TensorPrimitives.IndexOfMax(scores);
/// }
/// </code>
/// </example>
public interface IPredictor
{
    /// <summary>Features of one input sample.</summary>
    int InputSize { get; }

    /// <summary>Values of one output sample.</summary>
    int OutputSize { get; }

    /// <summary>Total number of parameters.</summary>
    int ParameterCount { get; }

    /// <summary>The layers in order, with their shapes and parameter offsets.</summary>
    IReadOnlyList<LayerInfo> Layers { get; }

    /// <summary>
    /// Runs one sample forward. Allocates nothing (a network whose hidden layers exceed 16K floats rents
    /// a pooled buffer, which may allocate on a thread's first call); safe to call from several threads at once.
    /// </summary>
    void Predict(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Runs a batch of samples (row-major, one row per sample) forward. Allocates nothing; thread-safe.</summary>
    void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs);
}
