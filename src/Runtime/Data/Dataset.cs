using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuralDsl.Data;

/// <summary>
/// Samples for training or evaluation: a private copy of their features and targets, stored row-major
/// ([sample, feature] and [sample, target]) and checked once, on construction, for shape and finite values.
/// Batches are views of that storage, so a training loop reads them without copying or allocating.
/// </summary>
/// <example>
/// <code>
/// var data = new Dataset(features, featureSize: 2, targets, targetSize: 1);
/// var random = new SeededRandom(42);
/// for (int epoch = 0; epoch &lt; 100; epoch++)
/// {
///     data.Shuffle(ref random);
///     for (int b = 0; b &lt; data.BatchCount(32); b++)
///     {
///         Batch batch = data.Batch(b, 32);
///         network.TrainStep(batch.Features, batch.Targets);
///     }
/// }
/// </code>
/// </example>
public sealed class Dataset
{
    // Wide rows are swapped through a stack buffer in chunks of this many floats.
    private const int SwapChunk = 64;

    private readonly float[] _features;
    private readonly float[] _targets;

    /// <summary>
    /// Copies <paramref name="features"/> ([samples, <paramref name="featureSize"/>]) and
    /// <paramref name="targets"/> ([samples, <paramref name="targetSize"/>]; a target size of 1 holds
    /// sparse class indices or a single regression value).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A row size is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// The dataset is empty, a span is not a whole number of rows, features and targets hold different
    /// numbers of samples, or a value is NaN or infinite.
    /// </exception>
    public Dataset(ReadOnlySpan<float> features, int featureSize, ReadOnlySpan<float> targets, int targetSize)
    {
        if (targetSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(targetSize), targetSize, "Must be positive.");
        int count = DataGuard.Rows(features.Length, featureSize, nameof(featureSize), nameof(features));
        if (targets.Length % targetSize != 0)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Expected a multiple of {targetSize} (targetSize) values, one row per sample, but got {targets.Length}."),
                nameof(targets));
        if (targets.Length / targetSize != count)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The features hold {count} samples but the targets hold {targets.Length / targetSize}."),
                nameof(targets));
        DataGuard.Finite(features, featureSize, "feature", nameof(features));
        DataGuard.Finite(targets, targetSize, "target", nameof(targets));

        _features = features.ToArray();
        _targets = targets.ToArray();
        Count = count;
        FeatureSize = featureSize;
        TargetSize = targetSize;
    }

    /// <summary>Copies a [samples, features] matrix and a [samples, targets] matrix.</summary>
    /// <inheritdoc cref="Dataset(ReadOnlySpan{float}, int, ReadOnlySpan{float}, int)" path="/exception"/>
    public Dataset(float[,] features, float[,] targets)
        : this(Flatten(features, nameof(features)), ColumnCount(features), Flatten(targets, nameof(targets)), ColumnCount(targets))
    {
    }

    /// <summary>Copies a [samples, features] matrix and one target per sample (a class index or a regression value).</summary>
    /// <inheritdoc cref="Dataset(ReadOnlySpan{float}, int, ReadOnlySpan{float}, int)" path="/exception"/>
    public Dataset(float[,] features, float[] targets)
        : this(Flatten(features, nameof(features)), ColumnCount(features), targets ?? throw new ArgumentNullException(nameof(targets)), 1)
    {
    }

    /// <summary>Copies one feature row and one target row per sample; all rows of each kind must have the same length.</summary>
    /// <inheritdoc cref="Dataset(ReadOnlySpan{float}, int, ReadOnlySpan{float}, int)" path="/exception"/>
    public Dataset(float[][] features, float[][] targets)
        : this(Concatenate(features, nameof(features)), RowLength(features), Concatenate(targets, nameof(targets)), RowLength(targets))
    {
    }

    // Takes ownership of arrays that are already known to be valid.
    private Dataset(float[] features, int featureSize, float[] targets, int targetSize, int count)
    {
        _features = features;
        _targets = targets;
        FeatureSize = featureSize;
        TargetSize = targetSize;
        Count = count;
    }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Features per sample.</summary>
    public int FeatureSize { get; }

    /// <summary>Targets per sample: the network's output size, or 1 for sparse class indices.</summary>
    public int TargetSize { get; }

    /// <summary>All features, row-major: <see cref="Count"/> rows of <see cref="FeatureSize"/>.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>All targets, row-major: <see cref="Count"/> rows of <see cref="TargetSize"/>.</summary>
    public ReadOnlySpan<float> Targets => _targets;

    /// <summary>The features, for the scalers to transform in place.</summary>
    internal Span<float> WritableFeatures => _features;

    /// <summary>Sample <paramref name="index"/> as a batch of one, viewing the dataset's storage.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="Count"/>).</exception>
    public Batch Sample(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Must be in [0, {Count}).");
        return new Batch(
            _features.AsSpan(index * FeatureSize, FeatureSize),
            _targets.AsSpan(index * TargetSize, TargetSize),
            1);
    }

    /// <summary>Number of batches of <paramref name="batchSize"/> samples in one pass, the last possibly partial.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public int BatchCount(int batchSize)
    {
        CheckBatchSize(batchSize);
        return (int)(((long)Count + batchSize - 1) / batchSize);
    }

    /// <summary>
    /// Batch <paramref name="index"/> of a pass in batches of <paramref name="batchSize"/>: samples
    /// <c>index * batchSize</c> onwards, as views of the dataset's storage. The last batch holds the
    /// remaining samples, which may be fewer than <paramref name="batchSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="batchSize"/> is not positive, or <paramref name="index"/> is not in [0, <see cref="BatchCount"/>).
    /// </exception>
    public Batch Batch(int index, int batchSize)
    {
        int batches = BatchCount(batchSize);
        if ((uint)index >= (uint)batches)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Must be in [0, {batches}) for batches of {batchSize}.");
        int start = index * batchSize;
        int count = Math.Min(batchSize, Count - start);
        return new Batch(
            _features.AsSpan(start * FeatureSize, count * FeatureSize),
            _targets.AsSpan(start * TargetSize, count * TargetSize),
            count);
    }

    /// <summary>
    /// Permutes the samples in place (Fisher-Yates over rows), keeping each sample's features and targets
    /// together. The permutation depends only on the state of <paramref name="random"/>, which it advances.
    /// Allocates nothing.
    /// </summary>
    public void Shuffle(ref SeededRandom random)
    {
        Span<float> buffer = stackalloc float[SwapChunk];
        for (int i = Count - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            if (j == i) continue;
            SwapRows(_features, FeatureSize, i, j, buffer);
            SwapRows(_targets, TargetSize, i, j, buffer);
        }
    }

    /// <summary>A new dataset holding a copy of samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or does not lie within the dataset.</exception>
    public Dataset Take(int start, int count)
    {
        if ((uint)start >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Must be in [0, {Count}).");
        if (count <= 0 || count > Count - start)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Must be in [1, {Count - start}] to take samples from {start} on.");
        return new Dataset(
            _features.AsSpan(start * FeatureSize, count * FeatureSize).ToArray(), FeatureSize,
            _targets.AsSpan(start * TargetSize, count * TargetSize).ToArray(), TargetSize,
            count);
    }

    /// <summary>Splits, in order, into a copy of the first <paramref name="firstCount"/> samples and a copy of the rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Either part would be empty.</exception>
    public (Dataset First, Dataset Second) Split(int firstCount)
    {
        if (firstCount <= 0 || firstCount >= Count)
            throw new ArgumentOutOfRangeException(nameof(firstCount), firstCount, $"Must be in [1, {Count - 1}] so that neither part is empty.");
        return (Take(0, firstCount), Take(firstCount, Count - firstCount));
    }

    /// <summary>A new dataset holding copies of the given samples, in the given order.</summary>
    internal Dataset Select(ReadOnlySpan<int> indices)
    {
        var features = new float[indices.Length * FeatureSize];
        var targets = new float[indices.Length * TargetSize];
        for (int i = 0; i < indices.Length; i++)
        {
            _features.AsSpan(indices[i] * FeatureSize, FeatureSize).CopyTo(features.AsSpan(i * FeatureSize));
            _targets.AsSpan(indices[i] * TargetSize, TargetSize).CopyTo(targets.AsSpan(i * TargetSize));
        }
        return new Dataset(features, FeatureSize, targets, TargetSize, indices.Length);
    }

    private static void CheckBatchSize(int batchSize)
    {
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Must be positive.");
    }

    private static void SwapRows(Span<float> data, int rowSize, int i, int j, Span<float> buffer)
    {
        Span<float> a = data.Slice(i * rowSize, rowSize);
        Span<float> b = data.Slice(j * rowSize, rowSize);
        for (int offset = 0; offset < rowSize; offset += buffer.Length)
        {
            int length = Math.Min(buffer.Length, rowSize - offset);
            Span<float> chunk = buffer.Slice(0, length);
            a.Slice(offset, length).CopyTo(chunk);
            b.Slice(offset, length).CopyTo(a.Slice(offset, length));
            chunk.CopyTo(b.Slice(offset, length));
        }
    }

    private static ReadOnlySpan<float> Flatten(float[,] matrix, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(matrix, parameterName);
        // A rectangular array is one row-major block of memory: view it rather than copy it twice.
        return MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);
    }

    private static int ColumnCount(float[,] matrix) => matrix.GetLength(1);

    private static float[] Concatenate(float[][] rows, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(rows, parameterName);
        int rowLength = RowLength(rows);
        var flat = new float[rows.Length * rowLength];
        for (int i = 0; i < rows.Length; i++)
        {
            float[] row = rows[i] ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Row {i} is null."), parameterName);
            if (row.Length != rowLength)
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i} has {row.Length} values but row 0 has {rowLength}; all rows must have the same length."),
                    parameterName);
            row.CopyTo(flat, i * rowLength);
        }
        return flat;
    }

    // An empty jagged array has no row length; 1 lets the main constructor report the empty dataset itself.
    private static int RowLength(float[][] rows) => rows is { Length: > 0 } ? rows[0]?.Length ?? 0 : 1;
}
