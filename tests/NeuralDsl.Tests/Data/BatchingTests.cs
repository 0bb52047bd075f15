using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuralDsl.Data;

namespace NeuralDsl.Tests.Data;

/// <summary>Shuffling keeps samples whole and is seeded; batches are views and a pass allocates nothing.</summary>
public class BatchingTests
{
    private const int Samples = 103;
    private const int FeatureSize = 3;
    private const int TargetSize = 2;

    // Sample i holds features (i, 1000 + i, 2000 + i) and targets (-i, 0.5 + i): every value names its row.
    private static Dataset Numbered()
    {
        var features = new float[Samples * FeatureSize];
        var targets = new float[Samples * TargetSize];
        for (int i = 0; i < Samples; i++)
        {
            for (int j = 0; j < FeatureSize; j++) features[i * FeatureSize + j] = 1000 * j + i;
            targets[i * TargetSize] = -i;
            targets[i * TargetSize + 1] = 0.5f + i;
        }
        return new Dataset(features, FeatureSize, targets, TargetSize);
    }

    private static int[] Order(Dataset data)
    {
        var order = new int[data.Count];
        for (int i = 0; i < order.Length; i++) order[i] = (int)data.Features[i * data.FeatureSize];
        return order;
    }

    private static int[] ShuffledOrder(int seed)
    {
        Dataset data = Numbered();
        var random = new SeededRandom(seed);
        data.Shuffle(ref random);
        return Order(data);
    }

    [Fact]
    public void Shuffle_keeps_each_feature_and_target_row_together()
    {
        Dataset data = Numbered();
        var random = new SeededRandom(7);
        data.Shuffle(ref random);

        var seen = new bool[Samples];
        for (int row = 0; row < Samples; row++)
        {
            Batch sample = data.Sample(row);
            int id = (int)sample.Features[0];
            Assert.False(seen[id]);
            seen[id] = true;
            Assert.Equal([(float)id, 1000f + id, 2000f + id], sample.Features.ToArray());
            Assert.Equal([(float)-id, 0.5f + id], sample.Targets.ToArray());
        }
        Assert.DoesNotContain(false, seen);
    }

    [Fact]
    public void Shuffle_is_deterministic_from_the_seed_and_differs_between_seeds()
    {
        int[] first = ShuffledOrder(42);
        Assert.Equal(first, ShuffledOrder(42));
        Assert.NotEqual(first, ShuffledOrder(43));
        Assert.NotEqual(first, ShuffledOrder(0));
        Assert.NotEqual(Order(Numbered()), first);
    }

    [Fact]
    public void Shuffle_advances_the_generator_so_epochs_differ()
    {
        Dataset data = Numbered();
        var random = new SeededRandom(5);
        data.Shuffle(ref random);
        int[] epoch1 = Order(data);
        data.Shuffle(ref random);
        Assert.NotEqual(epoch1, Order(data));
    }

    [Fact]
    public void Shuffle_moves_rows_wider_than_the_swap_buffer()
    {
        const int wide = 150;
        var features = new float[4 * wide];
        for (int i = 0; i < features.Length; i++) features[i] = i / wide * 10_000 + i % wide;
        var data = new Dataset(features, wide, [0, 1, 2, 3], 1);
        var random = new SeededRandom(3);
        data.Shuffle(ref random);
        for (int row = 0; row < 4; row++)
        {
            int id = (int)data.Targets[row];
            for (int j = 0; j < wide; j++) Assert.Equal(id * 10_000 + j, data.Features[row * wide + j]);
        }
    }

    [Fact]
    public void Batches_cover_the_dataset_in_order_with_a_partial_last_batch()
    {
        Dataset data = Numbered();
        Assert.Equal(11, data.BatchCount(10));
        Assert.Equal(1, data.BatchCount(Samples));
        Assert.Equal(1, data.BatchCount(1000));
        Assert.Equal(Samples, data.BatchCount(1));

        Batch last = data.Batch(10, 10);
        Assert.Equal(3, last.Count);
        Assert.Equal(3 * FeatureSize, last.Features.Length);
        Assert.Equal(3 * TargetSize, last.Targets.Length);
        Assert.Equal(100f, last.Features[0]);

        int seen = 0;
        for (int b = 0; b < data.BatchCount(10); b++)
        {
            var (features, targets) = data.Batch(b, 10);
            Assert.Equal(features.Length / FeatureSize, targets.Length / TargetSize);
            Assert.Equal(seen, features[0]);
            seen += features.Length / FeatureSize;
        }
        Assert.Equal(Samples, seen);
    }

    [Fact]
    public void Batch_spans_are_views_of_the_dataset_storage()
    {
        Dataset data = Numbered();
        Batch batch = data.Batch(2, 16);
        Assert.True(data.Features.Overlaps(batch.Features, out int featureOffset));
        Assert.True(data.Targets.Overlaps(batch.Targets, out int targetOffset));
        Assert.Equal(32 * FeatureSize, featureOffset);
        Assert.Equal(32 * TargetSize, targetOffset);
        Assert.True(Unsafe.AreSame(
            ref MemoryMarshal.GetReference(batch.Features),
            ref MemoryMarshal.GetReference(data.Features.Slice(32 * FeatureSize))));

        // A view sees the rows that a later shuffle moves under it.
        var random = new SeededRandom(1);
        float before = data.Batch(0, 16).Features[0];
        data.Shuffle(ref random);
        Assert.Equal(data.Features[0], data.Batch(0, 16).Features[0]);
        Assert.NotEqual(before, data.Features[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Batch_size_must_be_positive(int batchSize)
    {
        Dataset data = Numbered();
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => data.BatchCount(batchSize)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => data.Batch(0, batchSize)).ParamName);
    }

    [Fact]
    public void Batch_index_must_be_in_range()
    {
        Dataset data = Numbered();
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => data.Batch(11, 10)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => data.Batch(-1, 10)).ParamName);
    }

    [Fact]
    public void Shuffled_passes_over_batches_allocate_nothing()
    {
        Dataset data = Numbered();
        var random = new SeededRandom(11);
        float sum = 0;
        Assert.Equal(0, Allocations.PerRound(() => sum += Epoch(data, ref random), calls: 20, warmUp: 2));
        Assert.True(float.IsFinite(sum));
    }

    private static float Epoch(Dataset data, ref SeededRandom random)
    {
        data.Shuffle(ref random);
        float sum = 0;
        int batches = data.BatchCount(8);
        for (int b = 0; b < batches; b++)
        {
            Batch batch = data.Batch(b, 8);
            sum += batch.Features[^1] + batch.Targets[0] + batch.Count;
        }
        return sum;
    }
}
