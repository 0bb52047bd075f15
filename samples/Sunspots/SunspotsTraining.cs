using System;
using System.Diagnostics;
using NeuralDsl;
using NeuralDsl.Schedules;
using NeuralDsl.Training;

namespace Samples.Sunspots;

/// <summary>The recurrent layer of the forecaster.</summary>
public enum RecurrentCell
{
    /// <summary><see cref="SunspotsLstm"/>.</summary>
    Lstm,

    /// <summary><see cref="SunspotsGru"/>.</summary>
    Gru,
}

/// <summary>One trained forecaster's record.</summary>
/// <param name="Name">What the network is.</param>
/// <param name="Seed">Seed of its initial weights and of the shuffles.</param>
/// <param name="History">Per-epoch training loss (on standardised values).</param>
/// <param name="Predicted">The forecast of each test year, in the series' units.</param>
/// <param name="Errors">RMSE and MAE of those forecasts.</param>
/// <param name="FitTime">Wall-clock time of <c>Fit</c>: from an untrained network to the trained one.</param>
public sealed record NetworkForecast(string Name, int Seed, History History, double[] Predicted, ForecastErrors Errors, TimeSpan FitTime);

/// <summary>Training settings in place of the declared ones, for the validation grid.</summary>
/// <param name="Epochs">Passes over the training windows (the cosine schedule spans them).</param>
/// <param name="LearningRate">Adam's base learning rate.</param>
/// <param name="BatchSize">Windows per gradient step.</param>
public sealed record TrainingVariant(int Epochs, float LearningRate, int BatchSize)
{
    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Epochs} epochs, rate {LearningRate}, batches of {BatchSize}");
}

/// <summary>The linear baseline's record.</summary>
/// <param name="Model">The fitted autoregression.</param>
/// <param name="Predicted">The forecast of each test year, in the series' units.</param>
/// <param name="Errors">RMSE and MAE of those forecasts.</param>
public sealed record BaselineForecast(AutoRegression Model, double[] Predicted, ForecastErrors Errors);

/// <summary>The sample's core, shared with its tests: windows, the autoregressive baseline, the recurrent forecasters.</summary>
public static class SunspotsTraining
{
    /// <summary>
    /// Years per window: one solar cycle (about 11 years), so each window holds a rise and a fall. The
    /// autoregression's test error is lowest at 9 to 11 years and grows slowly beyond (README.md).
    /// </summary>
    public const int Window = 11;

    /// <summary>Share of the years, the last ones, held out for testing.</summary>
    public const double TestFraction = 0.2;

    /// <summary>Passes over the training windows; the learning rate follows a cosine from its declared value to 0 over them.</summary>
    public const int Epochs = 50;

    /// <summary>Cuts the windows of <see cref="Window"/> years and splits them, the last <see cref="TestFraction"/> of the years for testing.</summary>
    public static ForecastWindows Windows(SunspotSeries series) => ForecastWindows.Create(series, Window, TestFraction);

    /// <summary>Fits the autoregression on the training windows and forecasts the test years.</summary>
    public static BaselineForecast Baseline(ForecastWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        AutoRegression model = AutoRegression.Fit(windows.Train);
        var predicted = new double[windows.Test.Count];
        for (int i = 0; i < predicted.Length; i++) predicted[i] = model.Predict(windows.Test.Inputs[i]);
        return new BaselineForecast(model, predicted, ForecastErrors.Of(windows.Test.Targets, predicted));
    }

    /// <summary>A fresh forecaster with the layer <paramref name="cell"/>, its weights drawn from <paramref name="seed"/>.</summary>
    public static ITrainableNetwork Create(RecurrentCell cell, int seed) => cell switch
    {
        RecurrentCell.Lstm => new SunspotsLstm(seed),
        RecurrentCell.Gru => new SunspotsGru(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "Expected Lstm or Gru."),
    };

    /// <summary>The name of the forecaster with <paramref name="cell"/>, for reports; the units are read from its declaration.</summary>
    public static string Describe(RecurrentCell cell) =>
        $"{(cell == RecurrentCell.Lstm ? "LSTM" : "GRU")}({Create(cell, seed: 0).Layers[0].RecurrentUnits}) + Dense(1)";

    /// <summary>
    /// The training settings: the declared ones (epochs, batches of 32, gradient norm clipped to 1) with a
    /// cosine schedule down to 0 over the epochs and the shuffles seeded by <paramref name="seed"/>. All
    /// training windows are used for training: the schedule ends training at a small rate instead of early
    /// stopping on a validation part, so the network sees exactly the baseline's years. A
    /// <paramref name="variant"/> replaces the epochs, learning rate and batch size.
    /// </summary>
    public static TrainingOptions Options(ITrainableNetwork net, int seed, TrainingVariant? variant = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        TrainingDeclaration declared = net.DeclaredTraining;
        int epochs = variant?.Epochs ?? declared.Epochs ?? Epochs;
        // The declared settings (epochs, batch size, clipping), then what the variant and the run add.
        return declared.ToOptions(epochs, variant?.BatchSize ?? declared.BatchSize ?? 32) with
        {
            LearningRate = variant?.LearningRate,
            Seed = seed,
            Schedule = new CosineAnnealing(tMax: epochs),
        };
    }

    /// <summary>
    /// Trains a fresh forecaster on the standardised training windows (as declared, or with
    /// <paramref name="variant"/>'s settings) and forecasts the test years.
    /// </summary>
    public static NetworkForecast Train(ForecastWindows windows, RecurrentCell cell, int seed, TrainingVariant? variant = null)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ITrainableNetwork net = Create(cell, seed);
        var train = windows.Scaled(windows.Train);
        var test = windows.Scaled(windows.Test);

        var clock = Stopwatch.StartNew();
        History history = net.Fit(train, validation: null, Options(net, seed, variant));
        clock.Stop();

        var outputs = new float[test.Count];
        net.PredictBatch(test.Features, outputs);
        var predicted = new double[outputs.Length];
        for (int i = 0; i < outputs.Length; i++) predicted[i] = windows.Unscale(outputs[i]);
        return new NetworkForecast(Describe(cell), seed, history, predicted, ForecastErrors.Of(windows.Test.Targets, predicted), clock.Elapsed);
    }
}
