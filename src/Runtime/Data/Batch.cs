using System;

namespace NeuralDsl.Data;

/// <summary>
/// Consecutive samples of a <see cref="Dataset"/>: views of its storage, never copies. Valid until the
/// dataset is shuffled or transformed again, which rewrites the rows under the view.
/// </summary>
public readonly ref struct Batch
{
    /// <summary>Creates a batch over matching feature and target rows.</summary>
    internal Batch(ReadOnlySpan<float> features, ReadOnlySpan<float> targets, int count)
    {
        Features = features;
        Targets = targets;
        Count = count;
    }

    /// <summary>The samples' features, row-major: <see cref="Count"/> rows of <see cref="Dataset.FeatureSize"/>.</summary>
    public ReadOnlySpan<float> Features { get; }

    /// <summary>The samples' targets, row-major: <see cref="Count"/> rows of <see cref="Dataset.TargetSize"/>.</summary>
    public ReadOnlySpan<float> Targets { get; }

    /// <summary>Number of samples; smaller than the batch size asked for only in a dataset's last batch.</summary>
    public int Count { get; }

    /// <summary>Lets a batch be taken apart: <c>var (features, targets) = dataset.Batch(i, 32);</c>.</summary>
    public void Deconstruct(out ReadOnlySpan<float> features, out ReadOnlySpan<float> targets)
    {
        features = Features;
        targets = Targets;
    }
}
