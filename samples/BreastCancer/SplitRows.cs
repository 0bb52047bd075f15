using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NeuralDsl.Data;

namespace Samples.Tabular;

/// <summary>
/// Which rows of a data file a seeded <see cref="DataSplit.TrainTest"/> put in the training and test
/// parts, written as JSON so that a Python script trains and tests on exactly the same rows.
/// </summary>
public static class SplitRows
{
    /// <summary>
    /// The 0-based row numbers of the training and test parts, in split order. DataSplit's shuffle
    /// depends only on the targets, the count and the seed, so splitting a dataset whose single feature is
    /// the row number deals the rows out as the real split does; the features are checked against the
    /// real parts to make sure of it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The row numbers do not reproduce the split's samples.</exception>
    public static (int[] Train, int[] Test) Of(Dataset data, double testFraction, int seed, bool stratify)
    {
        var rows = new float[data.Count];
        for (int i = 0; i < rows.Length; i++) rows[i] = i;
        var (train, test) = DataSplit.TrainTest(new Dataset(rows, 1, data.Targets, data.TargetSize), testFraction, seed, stratify);
        int[] trainRows = Rows(train), testRows = Rows(test);
        var (realTrain, realTest) = DataSplit.TrainTest(data, testFraction, seed, stratify);
        if (!Matches(data, trainRows, realTrain) || !Matches(data, testRows, realTest))
            throw new InvalidOperationException("The row numbers do not reproduce the split's samples.");
        return (trainRows, testRows);
    }

    /// <summary>Writes <c>{"train": [...], "test": [...]}</c> for <see cref="Of"/>'s rows to <paramref name="path"/>.</summary>
    public static void Write(string path, Dataset data, double testFraction, int seed, bool stratify)
    {
        var (train, test) = Of(data, testFraction, seed, stratify);
        File.WriteAllText(path, $"{{\"train\": [{Join(train)}], \"test\": [{Join(test)}]}}\n");
    }

    private static bool Matches(Dataset data, int[] rows, Dataset part)
    {
        int size = data.FeatureSize;
        for (int i = 0; i < rows.Length; i++)
            if (!data.Features.Slice(rows[i] * size, size).SequenceEqual(part.Features.Slice(i * size, size)))
                return false;
        return rows.Length == part.Count;
    }

    private static int[] Rows(Dataset part) => part.Features.ToArray().Select(v => (int)v).ToArray();

    private static string Join(int[] rows) => string.Join(", ", rows.Select(r => r.ToString(CultureInfo.InvariantCulture)));
}
