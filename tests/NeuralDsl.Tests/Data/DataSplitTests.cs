using System;
using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Data;

namespace NeuralDsl.Tests.Data;

/// <summary>Seeded splits: sizes, stratified proportions, determinism and errors.</summary>
public class DataSplitTests
{
    // Sample i has feature i (its identity) and class classOf(i).
    private static Dataset Classified(int[] classSizes, bool oneHot = false)
    {
        int samples = classSizes.Sum(), classes = classSizes.Length;
        var features = new float[samples];
        var targets = new float[samples * (oneHot ? classes : 1)];
        int i = 0;
        for (int c = 0; c < classes; c++)
            for (int s = 0; s < classSizes[c]; s++, i++)
            {
                features[i] = i;
                if (oneHot) targets[i * classes + c] = 1f;
                else targets[i] = c;
            }
        return new Dataset(features, 1, targets, oneHot ? classes : 1);
    }

    private static int ClassOf(Dataset data, int row) =>
        data.TargetSize == 1 ? (int)data.Targets[row] : OneHot.Decode(data.Targets.Slice(row * data.TargetSize, data.TargetSize));

    private static int[] CountByClass(Dataset data, int classes)
    {
        var counts = new int[classes];
        for (int row = 0; row < data.Count; row++) counts[ClassOf(data, row)]++;
        return counts;
    }

    private static int[] Ids(Dataset data) => data.Features.ToArray().Select(f => (int)f).ToArray();

    // Every sample lands in exactly one part, with its own target.
    private static void AssertPartition(Dataset source, params Dataset[] parts)
    {
        var seen = new HashSet<int>();
        foreach (Dataset part in parts)
            for (int row = 0; row < part.Count; row++)
            {
                int id = (int)part.Features[row];
                Assert.True(seen.Add(id), $"Sample {id} is in two parts.");
                Assert.Equal(source.Sample(id).Targets.ToArray(), part.Sample(row).Targets.ToArray());
            }
        Assert.Equal(source.Count, seen.Count);
    }

    private static void AssertWithinOne(int[] classSizes, Dataset part, double fraction)
    {
        int[] counts = CountByClass(part, classSizes.Length);
        for (int c = 0; c < classSizes.Length; c++)
            Assert.True(Math.Abs(counts[c] - classSizes[c] * fraction) < 1.0,
                $"Class {c}: {counts[c]} samples, exact share {classSizes[c] * fraction}.");
    }

    [Theory]
    [InlineData(100, 0.2, 20)]
    [InlineData(10, 0.25, 3)]
    [InlineData(10, 0.3, 3)]
    [InlineData(7, 0.5, 4)]
    public void Test_part_rounds_up_like_sklearn(int samples, double testFraction, int testCount)
    {
        Dataset data = Classified([samples]);
        var (train, test) = DataSplit.TrainTest(data, testFraction, seed: 1);
        Assert.Equal(testCount, test.Count);
        Assert.Equal(samples - testCount, train.Count);
        AssertPartition(data, train, test);
    }

    [Fact]
    public void Split_is_deterministic_from_the_seed_and_random()
    {
        Dataset data = Classified([60, 40]);
        var (trainA, testA) = DataSplit.TrainTest(data, 0.25, seed: 9);
        var (trainB, testB) = DataSplit.TrainTest(data, 0.25, seed: 9);
        var (_, testC) = DataSplit.TrainTest(data, 0.25, seed: 10);
        Assert.Equal(Ids(testA), Ids(testB));
        Assert.Equal(Ids(trainA), Ids(trainB));
        Assert.NotEqual(Ids(testA), Ids(testC));
        Assert.NotEqual(Ids(testA).Order(), Ids(testC).Order());
        Assert.NotEqual(Enumerable.Range(0, 75), Ids(trainA));
    }

    [Fact]
    public void Split_leaves_the_source_unchanged()
    {
        Dataset data = Classified([5, 5]);
        float[] before = data.Features.ToArray();
        DataSplit.TrainValidationTest(data, 0.2, 0.2, seed: 3, stratify: true);
        Assert.Equal(before, data.Features.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Stratified_train_test_keeps_each_class_within_one_sample(int seed)
    {
        int[] sizes = [50, 31, 17, 3, 1];
        Dataset data = Classified(sizes);
        var (train, test) = DataSplit.TrainTest(data, 0.3, seed, stratify: true);
        AssertPartition(data, train, test);
        AssertWithinOne(sizes, test, 0.3);
        AssertWithinOne(sizes, train, 0.7);
        Assert.Equal(31, test.Count); // ceil(102 * 0.3)
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Stratified_three_way_split_keeps_each_class_within_one_sample(int seed)
    {
        int[] sizes = [10, 10, 7, 5, 3, 2, 1];
        Dataset data = Classified(sizes);
        var (train, validation, test) = DataSplit.TrainValidationTest(data, 0.25, 0.25, seed, stratify: true);
        AssertPartition(data, train, validation, test);
        AssertWithinOne(sizes, test, 0.25);
        AssertWithinOne(sizes, validation, 0.25);
        AssertWithinOne(sizes, train, 0.5);
        // Part totals are their exact share (9.5, 9.5, 19) rounded down or up.
        Assert.InRange(test.Count, 9, 10);
        Assert.InRange(validation.Count, 9, 10);
        Assert.Equal(19, train.Count);
    }

    [Fact]
    public void Stratifies_one_hot_targets_by_their_largest_value()
    {
        int[] sizes = [40, 20, 12];
        Dataset data = Classified(sizes, oneHot: true);
        var (train, test) = DataSplit.TrainTest(data, 0.25, seed: 5, stratify: true);
        AssertPartition(data, train, test);
        Assert.Equal([10, 5, 3], CountByClass(test, 3));
        Assert.Equal([30, 15, 9], CountByClass(train, 3));
    }

    [Fact]
    public void Sparse_class_indices_need_not_be_contiguous()
    {
        var data = new Dataset(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), 1,
            [7, 7, 7, 7, 7, 7, 7, 7, 100, 100, 100, 100], 1);
        var (_, test) = DataSplit.TrainTest(data, 0.25, seed: 2, stratify: true);
        Assert.Equal(2, test.Targets.ToArray().Count(t => t == 7));
        Assert.Equal(1, test.Targets.ToArray().Count(t => t == 100));
    }

    [Fact]
    public void Stratifying_regression_targets_throws()
    {
        var data = new Dataset([1, 2, 3, 4], 1, [0, 1, 0.5f, 1], 1);
        var e = Assert.Throws<ArgumentException>(() => DataSplit.TrainTest(data, 0.5, 1, stratify: true));
        Assert.StartsWith("Stratifying needs class targets, but sample 2 has target 0.5, which is not a whole non-negative class index.", e.Message);
        DataSplit.TrainTest(data, 0.5, 1); // unstratified is fine
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Fractions_outside_zero_one_throw(double fraction)
    {
        Dataset data = Classified([10]);
        Assert.Equal("testFraction", Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainTest(data, fraction, 1)).ParamName);
        Assert.Equal("validationFraction", Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainValidationTest(data, fraction, 0.2, 1)).ParamName);
        Assert.Equal("testFraction", Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainValidationTest(data, 0.2, fraction, 1)).ParamName);
    }

    [Fact]
    public void Fractions_leaving_nothing_for_training_throw()
    {
        Dataset data = Classified([10]);
        var e = Assert.Throws<ArgumentException>(() => DataSplit.TrainValidationTest(data, 0.5, 0.5, 1));
        Assert.StartsWith("A validation fraction of 0.5 and a test fraction of 0.5 leave nothing for training; they must add up to less than 1.", e.Message);
    }

    [Fact]
    public void A_split_that_leaves_a_part_empty_throws()
    {
        var one = Assert.Throws<ArgumentException>(() => DataSplit.TrainTest(Classified([1]), 0.5, 1));
        Assert.StartsWith("Splitting 1 samples this way leaves the training set empty; use more samples or other fractions.", one.Message);

        var three = Assert.Throws<ArgumentException>(() => DataSplit.TrainValidationTest(Classified([3]), 0.1, 0.1, 1));
        Assert.StartsWith("Splitting 3 samples this way leaves the validation set empty", three.Message);
    }

    [Fact]
    public void A_small_split_rounds_the_test_part_down_rather_than_empty_the_training_part()
    {
        var (train, test) = DataSplit.TrainTest(Classified([2]), 0.6, 1);
        Assert.Equal((1, 1), (train.Count, test.Count));
    }

    [Fact]
    public void Apportionment_rounds_every_cell_and_every_total()
    {
        // Random class sizes and fractions: each count is its exact share rounded down or up, rows add up
        // to the class sizes, columns to their exact totals rounded down or up.
        var random = new SeededRandom(2024);
        for (int trial = 0; trial < 500; trial++)
        {
            int classes = 1 + random.NextInt(12);
            var sizes = new int[classes];
            for (int c = 0; c < classes; c++) sizes[c] = 1 + random.NextInt(30);
            double test = 0.05 + 0.4 * random.NextDouble(), validation = 0.05 + 0.4 * random.NextDouble();
            double[] fractions = random.NextInt(2) == 0 ? [test, 1 - test] : [test, validation, 1 - test - validation];
            int parts = fractions.Length;
            var counts = new int[classes * parts];

            if (Apportionment.Apportion(sizes, fractions, ref random, counts) >= 0) continue; // a part empty

            var totals = new int[parts];
            for (int c = 0; c < classes; c++)
            {
                int row = 0;
                for (int k = 0; k < parts; k++)
                {
                    double exact = sizes[c] * fractions[k];
                    Assert.True(Math.Abs(counts[c * parts + k] - exact) < 1 + 1e-9, $"trial {trial}: class {c} part {k}: {counts[c * parts + k]} vs {exact}");
                    row += counts[c * parts + k];
                    totals[k] += counts[c * parts + k];
                }
                Assert.Equal(sizes[c], row);
            }
            for (int k = 0; k < parts; k++)
            {
                double exact = sizes.Sum() * fractions[k];
                Assert.True(Math.Abs(totals[k] - exact) < 1 + 1e-9, $"trial {trial}: part {k}: {totals[k]} vs {exact}");
                Assert.True(totals[k] > 0);
            }
        }
    }
}
