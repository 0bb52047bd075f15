using System.IO;
using NeuralDsl.Data;
using NeuralDsl.Tests.Training;
using NeuralDsl.Training;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Weights;

/// <summary>10 epochs in one run equal 5 epochs, a save with optimiser state, a load into a fresh instance and 5 more, bit for bit.</summary>
public class ResumptionTests
{
    private static readonly Dataset Data = TrainingData.Linear(150, seed: 12);

    private static TrainingOptions Options(int epochs, int initialEpoch = 0) =>
        new() { Epochs = epochs, InitialEpoch = initialEpoch, BatchSize = 16, Seed = 5 };

    private static (NetworkSnapshot Network, double[] Losses) Resumed<TNet>(System.Func<int, TNet> create, bool withOptimizer, int initialEpoch)
        where TNet : ITrainableNetwork
    {
        TNet first = create(1);
        first.Fit(Data, null, Options(5));
        using var file = new MemoryStream();
        first.SaveWeights(file, includeOptimizerState: withOptimizer);
        file.Position = 0;
        TNet second = create(77);
        second.LoadWeights(file);
        History history = second.Fit(Data, null, Options(10, initialEpoch));
        return (NetworkSnapshot.Of(second), history["loss"]);
    }

    private static void AssertExact<TNet>(System.Func<int, TNet> create) where TNet : ITrainableNetwork
    {
        TNet whole = create(1);
        double[] losses = whole.Fit(Data, null, Options(10))["loss"];
        (NetworkSnapshot resumed, double[] resumedLosses) = Resumed(create, withOptimizer: true, initialEpoch: 5);
        NetworkSnapshot.Of(whole).AssertSame(resumed);
        Assert.Equal(losses[5..], resumedLosses);

        // The test can fail: without the optimiser's state, or with the shuffles restarted, the runs part.
        Assert.NotEqual(NetworkSnapshot.Of(whole).Parameters, Resumed(create, withOptimizer: false, initialEpoch: 5).Network.Parameters);
        Assert.NotEqual(NetworkSnapshot.Of(whole).Parameters, Resumed(create, withOptimizer: true, initialEpoch: 0).Network.Parameters);
    }

    [Fact]
    public void Adam_with_batch_normalization_resumes_bit_for_bit() => AssertExact(seed => new ResumableNet(seed));

    [Fact]
    public void Sgd_with_momentum_resumes_bit_for_bit() => AssertExact(seed => new MomentumNet(seed));

    [Fact]
    public void Initial_epoch_is_checked()
    {
        var net = new ResumableNet();
        Assert.Throws<System.ArgumentOutOfRangeException>(() => net.Fit(Data, null, Options(5, initialEpoch: 5)));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => net.Fit(Data, null, Options(5, initialEpoch: -1)));
    }
}
