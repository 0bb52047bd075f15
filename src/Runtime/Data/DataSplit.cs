using System;
using System.Globalization;

namespace NeuralDsl.Data;

/// <summary>
/// Seeded random splits of a <see cref="Dataset"/> into training, (validation) and test sets. Each part
/// gets its exact share of the samples rounded down or up (the test part rounds up when it can, as in
/// scikit-learn's <c>train_test_split</c>); parts come out in random order. With stratification, the same
/// holds within every class: each class's count in each part is within one sample of its exact share.
/// </summary>
/// <example>
/// <code>
/// var (train, test) = DataSplit.TrainTest(data, testFraction: 0.2, seed: 42, stratify: true);
/// </code>
/// </example>
public static class DataSplit
{
    /// <summary>Splits <paramref name="dataset"/> into a training and a test set.</summary>
    /// <param name="dataset">The samples to split; left unchanged.</param>
    /// <param name="testFraction">Share of the samples for the test set, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle: the same seed gives the same split.</param>
    /// <param name="stratify">
    /// Keep each class's proportion in both sets. The class is the target for a target size of 1 (it must
    /// be a whole non-negative number) and the index of the largest target otherwise (one-hot targets).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">
    /// A set would be empty, or <paramref name="stratify"/> is set and a target is not a class index.
    /// </exception>
    public static (Dataset Train, Dataset Test) TrainTest(Dataset dataset, double testFraction, int seed, bool stratify = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckFraction(testFraction, nameof(testFraction));
        Dataset[] parts = Split(dataset, [testFraction, 1.0 - testFraction], ["test", "training"], seed, stratify);
        return (parts[1], parts[0]);
    }

    /// <summary>Splits <paramref name="dataset"/> into a training, a validation and a test set.</summary>
    /// <param name="dataset">The samples to split; left unchanged.</param>
    /// <param name="validationFraction">Share of the samples for the validation set, in (0, 1).</param>
    /// <param name="testFraction">Share of the samples for the test set, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle: the same seed gives the same split.</param>
    /// <param name="stratify">Keep each class's proportion in every set; see <see cref="TrainTest"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">
    /// The fractions add up to 1 or more, a set would be empty, or <paramref name="stratify"/> is set and a
    /// target is not a class index.
    /// </exception>
    public static (Dataset Train, Dataset Validation, Dataset Test) TrainValidationTest(
        Dataset dataset, double validationFraction, double testFraction, int seed, bool stratify = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckFraction(validationFraction, nameof(validationFraction));
        CheckFraction(testFraction, nameof(testFraction));
        if (validationFraction + testFraction >= 1.0)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"A validation fraction of {validationFraction} and a test fraction of {testFraction} leave nothing for training; they must add up to less than 1."),
                nameof(testFraction));
        Dataset[] parts = Split(
            dataset,
            [testFraction, validationFraction, 1.0 - testFraction - validationFraction],
            ["test", "validation", "training"],
            seed,
            stratify);
        return (parts[2], parts[1], parts[0]);
    }

    private static void CheckFraction(double fraction, string parameterName)
    {
        if (!(fraction > 0.0 && fraction < 1.0))
            throw new ArgumentOutOfRangeException(parameterName, fraction, "Must be in (0, 1), exclusive.");
    }

    private static Dataset[] Split(Dataset dataset, double[] fractions, string[] partNames, int seed, bool stratify)
    {
        int samples = dataset.Count, parts = fractions.Length;
        int classes = 1;
        int[] classOf = stratify ? ClassOfEachSample(dataset, out classes) : new int[samples];

        // Group the samples by class (a counting sort), then shuffle within each class.
        var classSizes = new int[classes];
        foreach (int c in classOf) classSizes[c]++;
        var classStart = new int[classes + 1];
        for (int c = 0; c < classes; c++) classStart[c + 1] = classStart[c] + classSizes[c];
        var grouped = new int[samples];
        var fill = (int[])classStart.Clone();
        for (int i = 0; i < samples; i++) grouped[fill[classOf[i]]++] = i;
        var random = new SeededRandom(seed);
        for (int c = 0; c < classes; c++)
            Shuffle(grouped.AsSpan(classStart[c], classSizes[c]), ref random);

        var counts = new int[classes * parts];
        int emptyPart = Apportionment.Apportion(classSizes, fractions, ref random, counts);
        if (emptyPart >= 0)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Splitting {samples} samples{(stratify ? $" in {classes} classes" : "")} this way leaves the {partNames[emptyPart]} set empty; use more samples or other fractions."),
                nameof(dataset));

        // Each class deals its shuffled samples out to the parts in turn; each part is shuffled again so
        // that its classes are interleaved rather than in blocks.
        var result = new Dataset[parts];
        for (int k = 0; k < parts; k++)
        {
            int size = 0;
            for (int c = 0; c < classes; c++) size += counts[c * parts + k];
            var indices = new int[size];
            int next = 0;
            for (int c = 0; c < classes; c++)
            {
                int offset = classStart[c];
                for (int before = 0; before < k; before++) offset += counts[c * parts + before];
                grouped.AsSpan(offset, counts[c * parts + k]).CopyTo(indices.AsSpan(next));
                next += counts[c * parts + k];
            }
            Shuffle(indices, ref random);
            result[k] = dataset.Select(indices);
        }
        return result;
    }

    // Dense class numbers 0..classes-1 in ascending order of the class indices or one-hot positions found.
    private static int[] ClassOfEachSample(Dataset dataset, out int classes)
    {
        ReadOnlySpan<float> targets = dataset.Targets;
        int size = dataset.TargetSize;
        var label = new int[dataset.Count];
        for (int i = 0; i < label.Length; i++)
        {
            if (size > 1)
            {
                label[i] = DataGuard.ArgMax(targets.Slice(i * size, size));
                continue;
            }
            float t = targets[i];
            if (!(t >= 0f && t < int.MaxValue && t == MathF.Floor(t)))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Stratifying needs class targets, but sample {i} has target {t}, which is not a whole non-negative class index."),
                    nameof(dataset));
            label[i] = (int)t;
        }

        int[] distinct = (int[])label.Clone();
        Array.Sort(distinct);
        classes = 1;
        for (int i = 1; i < distinct.Length; i++)
            if (distinct[i] != distinct[classes - 1]) distinct[classes++] = distinct[i];
        for (int i = 0; i < label.Length; i++)
            label[i] = Array.BinarySearch(distinct, 0, classes, label[i]);
        return label;
    }

    private static void Shuffle(Span<int> values, ref SeededRandom random)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
