using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuralDsl.Tools.Data;

/// <summary>
/// Which columns of a CSV file (named by its header) become features and targets, and how they are encoded.
/// </summary>
/// <example>
/// <code>
/// var columns = new CsvColumns
/// {
///     Targets = ["species"],
///     TargetIsClassLabel = true,           // "setosa", "versicolor", ... become class indices 0, 1, ...
///     Categorical = ["island"],            // one 0/1 feature per island, in sorted order
/// };
/// </code>
/// </example>
public sealed class CsvColumns
{
    /// <summary>The target column or columns, in the order they make up a target row. At least one.</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>
    /// The feature columns, in the order they make up a feature row; null (the default) takes every
    /// column that is not a target, in file order.
    /// </summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>
    /// Feature columns holding categories rather than numbers. Each becomes one 0/1 feature per distinct
    /// value found in the file, in place of the column, the values in ordinal (Unicode code point) order as
    /// <see cref="NeuralDsl.Data.LabelEncoder{T}"/> and scikit-learn's <c>OneHotEncoder</c> sort them.
    /// </summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>
    /// Whether the single target column holds class labels (text or numbers) rather than values to
    /// regress: the labels are numbered 0, 1, ... in sorted order by a <see cref="NeuralDsl.Data.LabelEncoder{T}"/>,
    /// and the target is that class index.
    /// </summary>
    public bool TargetIsClassLabel { get; init; }

    /// <summary>The character between fields; a comma unless set.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Checks the selection itself, before any file is read.</summary>
    /// <exception cref="ArgumentException">The selection names no target, repeats a column, or is contradictory.</exception>
    internal void Validate()
    {
        if (Targets is null || Targets.Count == 0)
            throw new ArgumentException("Name at least one target column.", nameof(Targets));
        if (TargetIsClassLabel && Targets.Count != 1)
            throw new ArgumentException($"Class labels come from one target column, but {Targets.Count} are named.", nameof(TargetIsClassLabel));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in Targets)
            if (!seen.Add(name))
                throw new ArgumentException($"The target column '{name}' is named twice.", nameof(Targets));
        if (Features is not null)
        {
            if (Features.Count == 0)
                throw new ArgumentException("Name at least one feature column, or leave Features null to take every other column.", nameof(Features));
            foreach (string name in Features)
                if (!seen.Add(name))
                    throw new ArgumentException(
                        Targets.Contains(name) ? $"The column '{name}' is named both as a feature and as a target." : $"The feature column '{name}' is named twice.",
                        nameof(Features));
        }
        var categorical = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in Categorical)
        {
            if (!categorical.Add(name))
                throw new ArgumentException($"The categorical column '{name}' is named twice.", nameof(Categorical));
            if (Targets.Contains(name))
                throw new ArgumentException($"The categorical column '{name}' is a target; class-label targets are encoded with TargetIsClassLabel.", nameof(Categorical));
            if (Features is not null && !Features.Contains(name))
                throw new ArgumentException($"The categorical column '{name}' is not among the feature columns.", nameof(Categorical));
        }
    }
}
