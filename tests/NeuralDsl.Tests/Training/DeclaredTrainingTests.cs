using System;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Training;

/// <summary>Declares every training setting: Fit without options must follow them.</summary>
[Network(Inputs = 2, Loss = Loss.MeanSquaredError, LearningRate = 0.05f, Epochs = 7, BatchSize = 16, ValidationSplit = 0.25f,
    EarlyStoppingPatience = 5, EarlyStoppingMonitor = "loss", ClipNorm = 1f, ClipValue = 0.5f)]
[Dense(8, Activation.Tanh)]
[Dense(1)]
public partial class DeclaredRegressor;

/// <summary>Declares only a patience, which early-stops on the validation loss as in Keras.</summary>
[Network(Inputs = 2, Loss = Loss.MeanSquaredError, LearningRate = 0.05f, Epochs = 500, EarlyStoppingPatience = 2)]
[Dense(8, Activation.Tanh)]
[Dense(1)]
public partial class PatientRegressor;

public class DeclaredTrainingTests
{
    [Fact]
    public void Declared_settings_reach_the_network()
    {
        ITrainableNetwork net = new DeclaredRegressor(seed: 1);
        Assert.Equal(new TrainingDeclaration(7, 16, 0.25f, 5, "loss", 1f, 0.5f), net.DeclaredTraining);
        Assert.Equal(default, ((ITrainableNetwork)new Regressor(seed: 1)).DeclaredTraining);
    }

    [Fact]
    public void Declaration_becomes_the_options_with_defaults_for_the_rest()
    {
        TrainingOptions options = new TrainingDeclaration(7, 16, 0.25f, 5, "loss", 1f, 0.5f).ToOptions();
        Assert.Equal((7, 16, 0.25, 1f, 0.5f), (options.Epochs, options.BatchSize, options.ValidationSplit, options.ClipNorm, options.ClipValue));
        Assert.Equal(("loss", 5), (options.EarlyStopping!.Monitor, options.EarlyStopping.Patience));

        TrainingOptions overridden = new TrainingDeclaration(7, 16).ToOptions(epochs: 3, batchSize: 4);
        Assert.Equal((3, 4), (overridden.Epochs, overridden.BatchSize));

        TrainingOptions none = default(TrainingDeclaration).ToOptions();
        var defaults = new TrainingOptions();
        Assert.Equal((defaults.Epochs, defaults.BatchSize, 0.0, (EarlyStopping?)null), (none.Epochs, none.BatchSize, none.ValidationSplit, none.EarlyStopping));
        Assert.Equal("val_loss", new TrainingDeclaration(EarlyStoppingPatience: 3).ToOptions().EarlyStopping!.Monitor);
    }

    [Fact]
    public void Fit_without_options_trains_as_declared()
    {
        var data = TrainingData.Linear(200, 5);
        History history = new DeclaredRegressor(seed: 2).Fit(data);
        Assert.Equal(7, history.EpochCount); // declared epochs (the training loss keeps improving, so the patience of 5 never runs out)
        Assert.True(history.Contains("val_loss"), "the declared validation split holds out data");

        // Same as passing the declared options by hand: the same seed gives the same losses.
        History byHand = new DeclaredRegressor(seed: 2).Fit(data, null, new TrainingDeclaration(7, 16, 0.25f, 5, "loss", 1f, 0.5f).ToOptions());
        Assert.Equal(byHand["loss"], history["loss"]);

        Assert.Equal(3, new DeclaredRegressor(seed: 2).Fit(data, epochs: 3).EpochCount);
        Assert.Equal(10, new Regressor(seed: 2).Fit(data).EpochCount); // nothing declared: TrainingOptions' default
    }

    [Fact]
    public void Declared_patience_stops_early_on_the_validation_loss()
    {
        var data = TrainingData.Linear(200, 5);
        History history = new PatientRegressor(seed: 3).Fit(data, TrainingData.Linear(100, 6));
        Assert.Equal(StopReason.EarlyStopping, history.StopReason);
        Assert.True(history.EpochCount < 500, $"{history.EpochCount} epochs");

        // Without validation data the declared monitor, val_loss, is missing: a clear error, nothing trained.
        var net = new PatientRegressor(seed: 3);
        float[] before = net.Parameters.ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => net.Fit(data));
        Assert.Contains("val_loss", error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }
}
