using System.Collections.Generic;
using NeuralDsl.Data;

namespace NeuralDsl.Tools.Data;

/// <summary>What <see cref="CsvLoader"/> read: the samples and what each of their columns means.</summary>
public sealed class CsvData
{
    internal CsvData(Dataset dataset, string[] featureNames, string[] targetNames, LabelEncoder<string>? labels,
        IReadOnlyDictionary<string, string[]> categories)
    {
        Dataset = dataset;
        FeatureNames = featureNames;
        TargetNames = targetNames;
        Labels = labels;
        Categories = categories;
    }

    /// <summary>One sample per data line of the file.</summary>
    public Dataset Dataset { get; }

    /// <summary>
    /// The name of each feature, in row order: the column name for a numeric column, and
    /// <c>column=value</c> for each 0/1 feature a categorical column became.
    /// </summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The name of each target column, in row order.</summary>
    public IReadOnlyList<string> TargetNames { get; }

    /// <summary>
    /// The encoder that numbered the class labels when <see cref="CsvColumns.TargetIsClassLabel"/> is set
    /// (its <c>InverseTransform</c> turns a predicted class back into the file's label); otherwise null.
    /// </summary>
    public LabelEncoder<string>? Labels { get; }

    /// <summary>For each categorical column, its distinct values in the order of the 0/1 features they became.</summary>
    public IReadOnlyDictionary<string, string[]> Categories { get; }
}
