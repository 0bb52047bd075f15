using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NeuralDsl.Data;
using NeuralDsl.Tests.Training;
using NeuralDsl.Training;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Weights;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("checkpoint").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Best_only_keeps_the_epoch_with_the_best_monitored_value()
    {
        var (train, validation) = TrainingData.Linear(200, seed: 3).Split(150);
        var net = new ResumableNet(seed: 2);
        var perEpoch = new List<int[]>();
        var checkpoint = new ModelCheckpoint(Path.Combine(_directory, "best.ndw"), monitor: "val_loss");
        // A learning rate high enough that the validation loss goes up and down.
        History history = net.Fit(train, validation, new TrainingOptions
        {
            Epochs = 12, BatchSize = 8, LearningRate = 0.2f, Checkpoint = checkpoint,
            OnEpochEnd = _ => perEpoch.Add(NetworkSnapshot.Bits(net.Parameters)),
        });

        double[] validationLoss = history["val_loss"];
        int best = Array.IndexOf(validationLoss, validationLoss.Min());
        Assert.Equal(best, checkpoint.SavedEpoch);
        Assert.Equal(validationLoss[best], checkpoint.Best);
        var loaded = new ResumableNet(seed: 9);
        loaded.LoadWeights(checkpoint.Path);
        Assert.Equal(perEpoch[best], NetworkSnapshot.Bits(loaded.Parameters));
        Assert.NotEqual(perEpoch[^1], perEpoch[best]); // the best epoch is not simply the last one
    }

    [Fact]
    public void Every_epoch_writes_one_file_per_epoch_with_optimizer_state()
    {
        var net = new MomentumNet(seed: 2);
        Dataset data = TrainingData.Linear(100, seed: 4);
        var checkpoint = new ModelCheckpoint(Path.Combine(_directory, "epoch-{epoch}.ndw"), monitor: "loss", saveBestOnly: false, includeOptimizerState: true);
        net.Fit(data, null, new TrainingOptions { Epochs = 4, BatchSize = 10, Checkpoint = checkpoint });

        string[] files = Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)!).Order().ToArray();
        Assert.Equal(new[] { "epoch-0.ndw", "epoch-1.ndw", "epoch-2.ndw", "epoch-3.ndw" }, files);
        Assert.Equal(3, checkpoint.SavedEpoch);
        var loaded = new MomentumNet(seed: 5);
        loaded.LoadWeights(checkpoint.PathFor(3));
        NetworkSnapshot.Of(net).AssertSame(NetworkSnapshot.Of(loaded));
    }

    [Fact]
    public void A_monitor_that_is_not_recorded_is_refused_before_training()
    {
        var net = new ResumableNet(seed: 2);
        int[] before = NetworkSnapshot.Bits(net.Parameters);
        var error = Assert.Throws<InvalidOperationException>(() => net.Fit(TrainingData.Linear(50, 1), null,
            new TrainingOptions { Epochs = 2, Checkpoint = new ModelCheckpoint(Path.Combine(_directory, "x.ndw"), monitor: "val_loss") }));
        Assert.Contains("val_loss", error.Message);
        Assert.Equal(before, NetworkSnapshot.Bits(net.Parameters));
        Assert.Empty(Directory.GetFiles(_directory));
    }
}
