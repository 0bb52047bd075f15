using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NeuralDsl.Data;

namespace Samples.Digits;

/// <summary>
/// Writes which rows of the CSV file the sample's split put in the training and test parts, so that
/// compare_sklearn.py trains and tests on exactly the same digits.
/// </summary>
public static class SplitExport
{
    /// <summary>
    /// Writes <c>{"train": [...], "test": [...]}</c> (0-based row numbers, in split order) to <paramref name="path"/>.
    /// </summary>
    /// <remarks>
    /// DataSplit's shuffle depends only on the targets and the seed, so splitting a dataset whose single
    /// feature is the row number, with the same labels and seed, deals the rows out exactly as the real
    /// split did; the features are then checked against the real parts to make sure of it.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The row numbers do not reproduce the split's samples.</exception>
    public static void Write(string path, Dataset data)
    {
        var rows = new float[data.Count];
        for (int i = 0; i < rows.Length; i++) rows[i] = i;
        var (train, test) = DataSplit.TrainTest(new Dataset(rows, 1, data.Targets, 1), DigitsTraining.TestFraction, DigitsTraining.SplitSeed, stratify: true);
        int[] trainRows = Rows(train), testRows = Rows(test);
        var (realTrain, realTest) = DataSplit.TrainTest(data, DigitsTraining.TestFraction, DigitsTraining.SplitSeed, stratify: true);
        if (!Matches(data, trainRows, realTrain) || !Matches(data, testRows, realTest))
            throw new InvalidOperationException("The exported row numbers do not reproduce the sample's split.");
        File.WriteAllText(path, $"{{\"train\": [{Join(trainRows)}], \"test\": [{Join(testRows)}]}}\n");
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
