using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NeuralDsl.Recurrent;

/// <summary>
/// The lookup of Keras' <c>Embedding</c>: a sample is a vector of token ids (whole numbers stored as
/// floats), the table is <c>[vocabulary, dimensions]</c> row-major, and the output is the sequence of the
/// ids' rows, <c>[steps, dimensions]</c>. Backward adds each step's output gradient to its token's row.
/// </summary>
public static class EmbeddingKernels
{
    /// <summary>
    /// Writes the table row of each id in <paramref name="ids"/> to <paramref name="output"/>. An id that is
    /// not a whole number in [0, vocabulary) throws, naming the step and the id; nothing is then written
    /// past the steps before it.
    /// </summary>
    public static void Forward(ReadOnlySpan<float> ids, ReadOnlySpan<float> table, Span<float> output, int dimensions)
    {
        CheckSizes(ids.Length, table.Length, output.Length, dimensions, nameof(output));
        int vocabulary = table.Length / dimensions;
        for (int t = 0; t < ids.Length; t++)
            table.Slice(Row(ids[t], t, vocabulary) * dimensions, dimensions).CopyTo(output.Slice(t * dimensions, dimensions));
    }

    /// <summary>Adds each step's gradient (<paramref name="outputGradient"/>, <c>[steps, dimensions]</c>) to the gradient of its token's row in <paramref name="tableGradient"/>.</summary>
    public static void Backward(ReadOnlySpan<float> ids, ReadOnlySpan<float> outputGradient, Span<float> tableGradient, int dimensions)
    {
        CheckSizes(ids.Length, tableGradient.Length, outputGradient.Length, dimensions, nameof(outputGradient));
        int vocabulary = tableGradient.Length / dimensions;
        for (int t = 0; t < ids.Length; t++)
        {
            Span<float> row = tableGradient.Slice(Row(ids[t], t, vocabulary) * dimensions, dimensions);
            ReadOnlySpan<float> d = outputGradient.Slice(t * dimensions, dimensions);
            for (int j = 0; j < dimensions; j++) row[j] += d[j];
        }
    }

    private static int Row(float id, int step, int vocabulary)
    {
        // The comparison is false for NaN, so NaN is refused too.
        if (id >= 0f && id < vocabulary && id == MathF.Floor(id)) return (int)id;
        throw BadId(id, step, vocabulary);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentException BadId(float id, int step, int vocabulary) => new(
        $"Token id {id.ToString("R", CultureInfo.InvariantCulture)} at step {step} is not a whole number in [0, {vocabulary}): an embedding's input holds token ids.", "ids");

    private static void CheckSizes(int steps, int table, int output, int dimensions, string outputName)
    {
        if (dimensions <= 0) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "An embedding needs at least one value per token.");
        if (table == 0 || table % dimensions != 0)
            throw new ArgumentException($"The table holds {table} values, not a positive multiple of {dimensions} values per token.", "table");
        NetworkGuard.Length(output, steps * dimensions, "steps * dimensions", outputName);
    }
}
