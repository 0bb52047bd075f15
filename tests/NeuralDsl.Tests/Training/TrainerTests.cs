using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NeuralDsl.Data;
using NeuralDsl.Optimizers;
using NeuralDsl.Schedules;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void Fit_lowers_the_loss_and_records_every_series()
    {
        var net = new Regressor(seed: 1);
        History history = net.Fit(TrainingData.Linear(200, 1), TrainingData.Linear(50, 2),
            new TrainingOptions { Epochs = 30, BatchSize = 16, Metrics = [Metric.MeanAbsoluteError] });
        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.Equal(30, history.EpochCount);
        Assert.Equal(["loss", "val_loss", "mae", "val_mae"], history.SeriesNames);
        Assert.True(history["loss"][^1] < history["loss"][0] / 10);
        Assert.True(history["val_mae"][^1] < 0.3);
    }

    [Fact]
    public void Early_stopping_stops_after_patience_and_restores_the_best_epoch()
    {
        // Validation targets are the negation of the training targets: the better the fit, the worse
        // the validation loss, so the best epoch is the first.
        var net = new Regressor(seed: 2);
        var snapshots = new List<float[]>();
        History history = net.Fit(TrainingData.Linear(200, 1), TrainingData.Linear(50, 2, sign: -1f), new TrainingOptions
        {
            Epochs = 50,
            EarlyStopping = new EarlyStopping("val_loss", patience: 3),
            OnEpochEnd = _ => snapshots.Add(net.Parameters.ToArray()),
        });
        Assert.Equal(StopReason.EarlyStopping, history.StopReason);
        int best = Array.IndexOf(history["val_loss"], history["val_loss"].Min());
        Assert.Equal(best + 4, history.EpochCount);
        Assert.Equal(best, history.RestoredEpoch);
        Assert.Equal(snapshots[best], net.Parameters.ToArray());
        // Messages count epochs from 1 as Keras prints them; History indices are 0-based.
        Assert.StartsWith($"Early stopping after epoch {history.EpochCount}:", history.StopMessage);
        Assert.EndsWith($"restored the parameters of epoch {best + 1}.", history.StopMessage);
    }

    [Fact]
    public void Without_restore_the_last_weights_stay()
    {
        var net = new Regressor(seed: 2);
        float[] last = [];
        History history = net.Fit(TrainingData.Linear(200, 1), TrainingData.Linear(50, 2, sign: -1f), new TrainingOptions
        {
            Epochs = 50,
            EarlyStopping = new EarlyStopping("val_loss", patience: 2, restoreBestWeights: false),
            OnEpochEnd = _ => last = net.Parameters.ToArray(),
        });
        Assert.Equal(StopReason.EarlyStopping, history.StopReason);
        Assert.Equal(-1, history.RestoredEpoch);
        Assert.Equal(last, net.Parameters.ToArray());
    }

    [Fact]
    public void Clipping_by_value_bounds_every_update()
    {
        Dataset data = TrainingData.Linear(64, 3);
        float[] Step(float clipValue)
        {
            var net = new Regressor(seed: 3);
            float[] before = net.Parameters.ToArray();
            net.Fit(data, null, new TrainingOptions { Epochs = 1, BatchSize = 64, Shuffle = false, LearningRate = 1f, ClipValue = clipValue });
            return net.Parameters.ToArray().Zip(before, (a, b) => Math.Abs(a - b)).ToArray();
        }
        Assert.True(Step(0f).Max() > 1e-2f);
        float[] clipped = Step(1e-3f);
        Assert.All(clipped, change => Assert.True(change <= 1e-3f * (1 + 1e-5f)));
        Assert.Contains(clipped, change => change > 0.999e-3f);
    }

    [Fact]
    public void Clipping_by_norm_bounds_the_update_norm()
    {
        var net = new Regressor(seed: 3);
        float[] before = net.Parameters.ToArray();
        net.Fit(TrainingData.Linear(64, 3), null, new TrainingOptions { Epochs = 1, BatchSize = 64, Shuffle = false, LearningRate = 1f, ClipNorm = 0.01f });
        double norm = Math.Sqrt(net.Parameters.ToArray().Zip(before, (a, b) => (double)(a - b) * (a - b)).Sum());
        Assert.InRange(norm, 0.0099, 0.01 * (1 + 1e-5)); // float rounding of the scaled gradient
    }

    [Fact]
    public void Schedule_sets_each_epochs_learning_rate()
    {
        var net = new Regressor(seed: 4);
        History history = net.Fit(TrainingData.Linear(32, 4), null,
            new TrainingOptions { Epochs = 7, LearningRate = 0.1f, Schedule = new StepDecay(stepSize: 3, gamma: 0.5f) });
        Assert.Equal([0.1f, 0.1f, 0.1f, 0.05f, 0.05f, 0.05f, 0.025f], history.LearningRates.ToArray());
        Assert.Equal(0.025f, net.LearningRate);
    }

    [Fact]
    public void Divergence_stops_with_a_report_and_restores_the_best_weights()
    {
        var net = new Regressor(seed: 5);
        var snapshots = new List<float[]>();
        History history = net.Fit(TrainingData.Linear(64, 5), null, new TrainingOptions
        {
            Epochs = 100, BatchSize = 8, LearningRate = 3f, OnEpochEnd = _ => snapshots.Add(net.Parameters.ToArray()),
        });
        Assert.Equal(StopReason.Diverged, history.StopReason);
        Assert.Contains("diverged", history.StopMessage);
        Assert.All(net.Parameters.ToArray(), p => Assert.True(float.IsFinite(p)));
        if (history.RestoredEpoch >= 0) Assert.Equal(snapshots[history.RestoredEpoch], net.Parameters.ToArray());
        else Assert.Equal(new Regressor(seed: 5).Parameters.ToArray(), net.Parameters.ToArray());
    }

    [Fact]
    public void Cancellation_stops_between_epochs()
    {
        using var cancel = new CancellationTokenSource();
        var net = new Regressor(seed: 6);
        History history = net.Fit(TrainingData.Linear(64, 6), null, new TrainingOptions
        {
            Epochs = 100, CancellationToken = cancel.Token, OnEpochEnd = report => { if (report.Epoch == 2) cancel.Cancel(); },
        });
        Assert.Equal(StopReason.Cancelled, history.StopReason);
        Assert.Equal(3, history.EpochCount);
    }

    [Fact]
    public void Batch_modes_take_the_expected_number_of_steps_and_see_every_sample()
    {
        Dataset data = TrainingData.Linear(50, 7);
        foreach ((int batchSize, int steps) in new[] { (1, 50), (16, 4), (50, 1), (64, 1) })
        {
            int batches = 0;
            new Regressor(seed: 7).Fit(data, null, new TrainingOptions { Epochs = 1, BatchSize = batchSize, OnBatchEnd = _ => batches++ });
            Assert.Equal(steps, batches);
        }
    }

    [Fact]
    public void Same_seed_same_training_and_a_different_seed_reshuffles()
    {
        Dataset data = TrainingData.Linear(64, 8);
        float[] Train(int seed)
        {
            var net = new Regressor(seed: 8);
            net.Fit(data, null, new TrainingOptions { Epochs = 3, BatchSize = 8, Seed = seed });
            return net.Parameters.ToArray();
        }
        Assert.Equal(Train(1), Train(1));
        Assert.NotEqual(Train(1), Train(2));
    }

    [Fact]
    public void Validation_split_holds_out_the_last_samples()
    {
        var net = new Regressor(seed: 9);
        History history = net.Fit(TrainingData.Linear(100, 9), null, new TrainingOptions { Epochs = 2, ValidationSplit = 0.2 });
        Assert.True(history.Contains("val_loss"));
        Assert.Throws<ArgumentException>(() => net.Fit(TrainingData.Linear(100, 9), TrainingData.Linear(10, 1), new TrainingOptions { ValidationSplit = 0.2 }));
    }

    [Fact]
    public void Classifier_with_batch_normalisation_dropout_and_adam_learns_three_blobs()
    {
        var net = new BlobClassifier(seed: 10);
        History history = net.Fit(TrainingData.Blobs(301, 10), TrainingData.Blobs(100, 11),
            new TrainingOptions { Epochs = 30, BatchSize = 32, Metrics = [Metric.Accuracy] });
        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.True(history["val_accuracy"][^1] >= 0.95, $"val_accuracy {history["val_accuracy"][^1]}");
        Evaluation evaluation = net.Evaluate(TrainingData.Blobs(100, 12), [Metric.Accuracy]);
        Assert.True(evaluation.Metrics["accuracy"] >= 0.95);
    }

    [Fact]
    public void Evaluate_matches_predictions_computed_by_hand()
    {
        var net = new Regressor(seed: 11);
        Dataset data = TrainingData.Linear(40, 11);
        Evaluation evaluation = net.Evaluate(data, [Metric.MeanAbsoluteError, Metric.MeanSquaredError]);
        float[] predicted = new float[40];
        net.PredictBatch(data.Features, predicted);
        double mae = predicted.Zip(data.Targets.ToArray(), (p, y) => Math.Abs(p - y)).Average();
        double mse = predicted.Zip(data.Targets.ToArray(), (p, y) => (double)(p - y) * (p - y)).Average();
        Assert.Equal(mae, evaluation.Metrics["mae"], 5);
        Assert.Equal(mse, evaluation.Metrics["mse"], 5);
        Assert.Equal(mse, evaluation.Loss, 5);
    }

    [Fact]
    public void Logistic_regression_by_gradient_descent_separates_two_classes()
    {
        var net = new LogisticRegression(seed: 12);
        History history = net.Fit(TrainingData.Separable(200, 12), TrainingData.Separable(100, 13),
            new TrainingOptions { Epochs = 20, BatchSize = 10, Metrics = [Metric.Accuracy] });
        Assert.True(history["val_accuracy"][^1] >= 0.97);
    }

    [Fact]
    public void Perceptron_rule_learns_and_and_stops_making_errors()
    {
        var net = new AndPerceptron(seed: 13);
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1], targets = [0, 0, 0, 1];
        int errors = -1, epochs = 0;
        while (errors != 0 && epochs++ < 20) errors = PerceptronRule.Epoch(net, inputs, targets, learningRate: 0.1f);
        Assert.Equal(0, errors);
        float[] outputs = new float[4];
        net.PredictBatch(inputs, outputs);
        Assert.Equal(targets, outputs);
        Assert.Throws<ArgumentException>(() => PerceptronRule.Epoch(new LogisticRegression(), inputs, targets, 0.1f));
    }

    [Fact]
    public void Random_search_is_repeatable_and_ranks_trials()
    {
        Dataset train = TrainingData.Linear(64, 14), validation = TrainingData.Linear(32, 15);
        var space = new SearchSpace { Epochs = [5], BatchSizes = [8, 16] };
        IReadOnlyList<Trial> first = RandomSearch.Run(() => new Regressor(seed: 14), train, validation, space, trials: 4, seed: 3);
        IReadOnlyList<Trial> again = RandomSearch.Run(() => new Regressor(seed: 14), train, validation, space, trials: 4, seed: 3);
        Assert.Equal(first.Select(t => t.ToString()), again.Select(t => t.ToString()));
        Assert.True(first.Zip(first.Skip(1), (a, b) => a.Objective <= b.Objective).All(ordered => ordered));
        Assert.All(first, t => Assert.InRange(t.LearningRate, 1e-4f, 1e-1f));
    }
}
