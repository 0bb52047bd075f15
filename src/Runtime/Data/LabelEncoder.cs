using System;
using System.Collections.Generic;
using System.Globalization;

namespace NeuralDsl.Data;

/// <summary>
/// Numbers the distinct labels of a training set 0, 1, 2, ... in sorted order, so that any label type can
/// become a sparse class-index target, and maps indices (for example decoded predictions) back to labels.
/// The order matches scikit-learn's <c>LabelEncoder</c>: strings by Unicode code point, numbers ascending
/// (NaN last); other types by their <see cref="IComparable{T}"/> order or by the comparer given.
/// </summary>
/// <typeparam name="T">The label type.</typeparam>
/// <example>
/// <code>
/// var encoder = new LabelEncoder&lt;string&gt;();
/// float[] targets = encoder.FitTransform(["cat", "dog", "cat", "bird"]);   // [1, 2, 1, 0]
/// string label = encoder.InverseTransform(2);                              // "dog"
/// </code>
/// </example>
public sealed class LabelEncoder<T> where T : notnull
{
    private readonly IComparer<T> _comparer;
    private T[] _classes = [];

    /// <summary>Creates an encoder that orders labels like scikit-learn.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no natural order.</exception>
    public LabelEncoder()
        : this(null)
    {
    }

    /// <summary>Creates an encoder that orders labels with <paramref name="comparer"/>, or like scikit-learn if it is null.</summary>
    /// <exception cref="ArgumentException"><paramref name="comparer"/> is null and <typeparamref name="T"/> has no natural order.</exception>
    public LabelEncoder(IComparer<T>? comparer)
    {
        _comparer = comparer ?? DefaultComparer();
    }

    /// <summary>Whether <see cref="Fit"/> has run.</summary>
    public bool IsFitted => _classes.Length > 0;

    /// <summary>Number of distinct labels seen by the last fit.</summary>
    public int ClassCount => _classes.Length;

    /// <summary>The distinct labels in index order; empty before fitting.</summary>
    public ReadOnlySpan<T> Classes => _classes;

    /// <summary>Learns the sorted distinct labels, replacing those of any earlier fit.</summary>
    /// <exception cref="ArgumentException"><paramref name="labels"/> is empty or holds null.</exception>
    public void Fit(ReadOnlySpan<T> labels)
    {
        if (labels.IsEmpty)
            throw new ArgumentException("There are no labels to fit.", nameof(labels));
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] is null)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Label {i} is null."), nameof(labels));

        T[] sorted = labels.ToArray();
        Array.Sort(sorted, _comparer);
        int distinct = 1;
        for (int i = 1; i < sorted.Length; i++)
            if (_comparer.Compare(sorted[i], sorted[distinct - 1]) != 0)
                sorted[distinct++] = sorted[i];
        _classes = sorted.AsSpan(0, distinct).ToArray();
    }

    /// <summary>Fits on <paramref name="labels"/> and returns their class indices as floats, ready to be targets.</summary>
    /// <inheritdoc cref="Fit" path="/exception"/>
    public float[] FitTransform(ReadOnlySpan<T> labels)
    {
        Fit(labels);
        var classIndices = new float[labels.Length];
        Transform(labels, classIndices);
        return classIndices;
    }

    /// <summary>The class index of <paramref name="label"/>. Allocates nothing.</summary>
    /// <exception cref="InvalidOperationException">The encoder has not been fitted.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> was not among the labels fitted.</exception>
    public int Transform(T label)
    {
        CheckFitted();
        if (label is null)
            throw new ArgumentNullException(nameof(label));
        int index = Array.BinarySearch(_classes, label, _comparer);
        if (index < 0)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The label '{label}' was not seen when the encoder was fitted."),
                nameof(label));
        return index;
    }

    /// <summary>Writes the class index of each label, as a float, into <paramref name="classIndices"/>. Allocates nothing.</summary>
    /// <exception cref="InvalidOperationException">The encoder has not been fitted.</exception>
    /// <exception cref="ArgumentException">
    /// The spans' lengths differ, or a label was not among the labels fitted.
    /// </exception>
    public void Transform(ReadOnlySpan<T> labels, Span<float> classIndices)
    {
        CheckFitted();
        CheckLengths(labels.Length, classIndices.Length, nameof(classIndices));
        for (int i = 0; i < labels.Length; i++)
            classIndices[i] = Transform(labels[i]);
    }

    /// <summary>The label numbered <paramref name="classIndex"/>.</summary>
    /// <exception cref="InvalidOperationException">The encoder has not been fitted.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classIndex"/> is not in [0, <see cref="ClassCount"/>).</exception>
    public T InverseTransform(int classIndex)
    {
        CheckFitted();
        if ((uint)classIndex >= (uint)_classes.Length)
            throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, $"Must be in [0, {_classes.Length}).");
        return _classes[classIndex];
    }

    /// <summary>Writes the label of each class index into <paramref name="labels"/>. Allocates nothing.</summary>
    /// <exception cref="InvalidOperationException">The encoder has not been fitted.</exception>
    /// <exception cref="ArgumentException">
    /// The spans' lengths differ, or an index is not a whole number in [0, <see cref="ClassCount"/>).
    /// </exception>
    public void InverseTransform(ReadOnlySpan<float> classIndices, Span<T> labels)
    {
        CheckFitted();
        CheckLengths(classIndices.Length, labels.Length, nameof(labels));
        for (int i = 0; i < classIndices.Length; i++)
        {
            float index = classIndices[i];
            if (!(index >= 0f && index < _classes.Length && index == MathF.Floor(index)))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Sample {i} has class index {index}, which is not a whole number in [0, {_classes.Length})."),
                    nameof(classIndices));
            labels[i] = _classes[(int)index];
        }
    }

    private static IComparer<T> DefaultComparer()
    {
        if (typeof(T) == typeof(string))
            return (IComparer<T>)(object)CodePointComparer.Instance;
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
            return (IComparer<T>)(object)NaNLastComparer.Instance;
        if (!typeof(IComparable<T>).IsAssignableFrom(typeof(T)) && !typeof(IComparable).IsAssignableFrom(typeof(T)))
            throw new ArgumentException(
                $"Labels of type {typeof(T).Name} have no natural order: implement IComparable<{typeof(T).Name}> or pass a comparer.",
                "comparer");
        return Comparer<T>.Default;
    }

    private void CheckFitted()
    {
        if (!IsFitted)
            throw new InvalidOperationException("The label encoder has not been fitted: call Fit on the training labels first.");
    }

    private static void CheckLengths(int sourceLength, int destinationLength, string destinationName)
    {
        if (sourceLength != destinationLength)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected room for {sourceLength} values but got {destinationLength}."),
                destinationName);
    }
}
