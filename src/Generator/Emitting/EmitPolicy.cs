using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// When code is unrolled. Full unrolling costs O(inputs x units) statements, so it pays only for small
/// layers; larger ones become loops over constant bounds calling vector kernels.
/// </summary>
internal static class EmitPolicy
{
    /// <summary>A layer whose weight count is at most this is emitted as straight-line code.</summary>
    public const int UnrollLimit = 256;

    /// <summary>Hidden activations up to this many floats live on the stack in <c>Predict</c>; above it they are rented.</summary>
    public const int StackLimit = 16 * 1024;

    /// <summary>Samples <c>PredictBatch</c> runs layer by layer at a time, so that large layers multiply whole blocks of rows.</summary>
    public const int BatchChunk = 16;


    /// <summary>Element-wise steps (activations and their derivatives) are unrolled up to this many units: the same budget of statements per sample.</summary>
    public const int ElementwiseUnrollLimit = UnrollLimit;

    /// <summary>Whether a dense layer's matrix-vector products are straight-line code.</summary>
    public static bool IsUnrolled(LayerModel layer) => layer.WeightCount <= UnrollLimit;

    /// <summary>Whether a layer's element-wise steps are straight-line code.</summary>
    public static bool IsElementwiseUnrolled(LayerModel layer) => layer.Units <= ElementwiseUnrollLimit;
}
