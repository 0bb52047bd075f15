using System;
using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Schedules;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Training;

public class TrainingAllocationTests
{
    [Fact]
    public void An_epoch_allocates_nothing_after_the_first()
    {
        // Every per-epoch path at once: shuffling, batch normalisation and dropout, Adam, metrics on
        // training and validation data, a schedule, clipping and a run-time penalty.
        var net = new BlobClassifier(seed: 1);
        var allocated = new List<long>();
        long last = 0;
        net.Fit(TrainingData.Blobs(300, 1), TrainingData.Blobs(100, 2), new TrainingOptions
        {
            Epochs = 12,
            BatchSize = 32,
            Metrics = [Metric.Accuracy],
            Schedule = new CosineAnnealing(tMax: 12),
            ClipNorm = 1f,
            L2 = 1e-4f,
            OnEpochEnd = _ =>
            {
                long now = GC.GetAllocatedBytesForCurrentThread();
                allocated.Add(now - last);
                last = GC.GetAllocatedBytesForCurrentThread();
            },
        });
        // The JIT may still promote methods in the first epochs, and the runtime may allocate once in a
        // while later; a real per-epoch allocation shows in every epoch. Of the last eight, at most one may allocate.
        List<long> late = allocated.GetRange(allocated.Count - 8, 8);
        Assert.True(late.Count(bytes => bytes != 0) <= 1, $"bytes allocated per epoch: {string.Join(", ", late)}");
    }

    [Fact]
    public void Fit_neither_reorders_nor_copies_the_training_set()
    {
        var data = TrainingData.Linear(20_000, 3);
        float[] before = data.Features.ToArray();
        var net = new Regressor(seed: 3);
        net.Fit(data, null, new TrainingOptions { Epochs = 1, BatchSize = 32 }); // warm-up: JIT, buffers
        long start = GC.GetAllocatedBytesForCurrentThread();
        net.Fit(data, null, new TrainingOptions { Epochs = 2, BatchSize = 32 });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - start;
        Assert.Equal(before, data.Features.ToArray());
        // The features alone are 160 KB; a run allocates its index, batch buffers and history only.
        Assert.True(allocated < 100_000, $"Fit allocated {allocated} bytes");
    }
}
