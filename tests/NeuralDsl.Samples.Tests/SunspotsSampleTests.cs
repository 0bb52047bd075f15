using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Samples.Sunspots;

namespace NeuralDsl.Samples.Tests;

/// <summary>
/// The Sunspots sample's core on the committed series: the windows and the chronological split, the
/// least-squares autoregression against NumPy's (Reference/sunspots_ar.json), and the forecaster beating it.
/// </summary>
public class SunspotsSampleTests
{
    private static SunspotSeries Series() => SunspotSeries.Load(Path.Combine(AppContext.BaseDirectory, "Samples", "sunspots.csv"));

    private static JsonElement Reference() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "sunspots_ar.json"))).RootElement;

    private static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void Autoregression_has_numpy_lstsq_coefficients_and_test_errors()
    {
        SunspotSeries series = Series();
        JsonElement reference = Reference();
        double testFraction = reference.GetProperty("test_fraction").GetDouble();
        foreach (JsonElement expected in reference.GetProperty("cases").EnumerateArray())
        {
            int window = expected.GetProperty("window").GetInt32();
            ForecastWindows windows = ForecastWindows.Create(series, window, testFraction);
            Assert.Equal(expected.GetProperty("first_test_year").GetInt32(), windows.FirstTestYear);
            Assert.Equal(expected.GetProperty("train_windows").GetInt32(), windows.Train.Count);
            Assert.Equal(expected.GetProperty("test_windows").GetInt32(), windows.Test.Count);
            Close(expected.GetProperty("train_mean").GetDouble(), windows.Mean, 1e-12, "mean");
            Close(expected.GetProperty("train_scale").GetDouble(), windows.Scale, 1e-12, "scale");

            // QR here, SVD in NumPy: equal up to rounding amplified by the design matrix's conditioning.
            AutoRegression model = AutoRegression.Fit(windows.Train);
            Close(expected.GetProperty("intercept").GetDouble(), model.Intercept, 1e-9, $"AR({window}) intercept");
            double[] coefficients = expected.GetProperty("coefficients").EnumerateArray().Select(c => c.GetDouble()).ToArray();
            Assert.Equal(coefficients.Length, model.Coefficients.Length);
            for (int k = 0; k < coefficients.Length; k++) Close(coefficients[k], model.Coefficients[k], 1e-9, $"AR({window}) coefficient {k}");

            var predicted = windows.Test.Inputs.Select(x => model.Predict(x)).ToArray();
            ForecastErrors errors = ForecastErrors.Of(windows.Test.Targets, predicted);
            Close(expected.GetProperty("test_rmse").GetDouble(), errors.Rmse, 1e-9, $"AR({window}) test RMSE");
            Close(expected.GetProperty("test_mae").GetDouble(), errors.Mae, 1e-9, $"AR({window}) test MAE");
        }
    }

    [Fact]
    public void Split_is_chronological_and_windows_are_the_years_before_their_target()
    {
        SunspotSeries series = Series();
        ForecastWindows windows = SunspotsTraining.Windows(series);
        int w = SunspotsTraining.Window, years = series.Years.Length;
        int testYears = (int)Math.Round(SunspotsTraining.TestFraction * years, MidpointRounding.AwayFromZero);

        Assert.Equal(series.Years[years - testYears], windows.FirstTestYear);
        Assert.Equal(Enumerable.Range(series.Years[w], years - testYears - w), windows.Train.TargetYears);
        Assert.Equal(Enumerable.Range(windows.FirstTestYear, testYears), windows.Test.TargetYears);
        foreach (WindowSet set in new[] { windows.Train, windows.Test })
            for (int i = 0; i < set.Count; i++)
            {
                int t = Array.IndexOf(series.Years, set.TargetYears[i]);
                Assert.Equal(series.Values[t], set.Targets[i]);
                Assert.Equal(series.Values[(t - w)..t], set.Inputs[i]);
            }
        // No training window's inputs or target reach a test year, nor do the validation grid's windows.
        Assert.True(windows.Train.TargetYears[^1] < windows.FirstTestYear);
        ForecastWindows validation = ValidationGrid.Windows(windows, series);
        Assert.True(validation.Test.TargetYears[^1] < windows.FirstTestYear);
        Assert.Equal(windows.Train.TargetYears, validation.Train.TargetYears.Concat(validation.Test.TargetYears));
    }

    [Fact]
    public void Scaling_uses_the_training_years_only()
    {
        SunspotSeries series = Series();
        ForecastWindows windows = SunspotsTraining.Windows(series);
        int firstTest = Array.IndexOf(series.Years, windows.FirstTestYear);
        double[] training = series.Values[..firstTest];
        double mean = training.Average();
        Close(mean, windows.Mean, 1e-12, "mean");
        Close(Math.Sqrt(training.Select(v => (v - mean) * (v - mean)).Average()), windows.Scale, 1e-12, "scale");

        // Changing every test year leaves the scaling and the training data as they were; changing one training year does not.
        double[] changedTest = series.Values.Select((v, i) => i >= firstTest ? v * 10 + 100 : v).ToArray();
        ForecastWindows afterTest = SunspotsTraining.Windows(series with { Values = changedTest });
        Assert.Equal(windows.Mean, afterTest.Mean);
        Assert.Equal(windows.Scale, afterTest.Scale);
        Assert.Equal(windows.Scaled(windows.Train).Features.ToArray(), afterTest.Scaled(afterTest.Train).Features.ToArray());
        double[] changedTrain = (double[])series.Values.Clone();
        changedTrain[0] += 50;
        Assert.NotEqual(windows.Mean, SunspotsTraining.Windows(series with { Values = changedTrain }).Mean);

        // The network's data: each value standardised with those statistics, and outputs mapped back.
        var test = windows.Scaled(windows.Test);
        for (int i = 0; i < windows.Test.Count; i++)
        {
            Assert.Equal((float)((windows.Test.Inputs[i][^1] - windows.Mean) / windows.Scale), test.Sample(i).Features[windows.Window - 1]);
            Close(windows.Test.Targets[i], windows.Unscale(test.Sample(i).Targets[0]), 1e-6, "target mapped back");
        }
    }

    [Fact]
    public void Gru_forecaster_beats_the_autoregression_on_the_test_years()
    {
        ForecastWindows windows = SunspotsTraining.Windows(Series());
        BaselineForecast baseline = SunspotsTraining.Baseline(windows);
        NetworkForecast network = SunspotsTraining.Train(windows, RecurrentCell.Gru, seed: 1);

        Assert.Equal(SunspotsTraining.Epochs, network.History.EpochCount);
        Assert.True(network.Errors.Rmse < baseline.Errors.Rmse, $"GRU test RMSE {network.Errors.Rmse:F2}, AR {baseline.Errors.Rmse:F2}");
        Assert.Equal(ForecastErrors.Of(windows.Test.Targets, network.Predicted), network.Errors);
        // Forecasts are in the file's units (test years 0 to 190), not standardised.
        Assert.InRange(network.Predicted.Average(), 40, 120);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_message_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sunspots-gap-{Environment.ProcessId}.csv");
        File.WriteAllText(path, "\"YEAR\",\"SUNACTIVITY\"\n1700,5\n1701,11\n1703,16\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => SunspotSeries.Load(path));
            Assert.Contains("line 4", error.Message);
            Assert.Contains("1703", error.Message);
        }
        finally
        {
            File.Delete(path);
        }

        // A constant series makes every window column equal to the intercept's: no unique least-squares solution.
        var flat = new SunspotSeries(Enumerable.Range(1700, 60).ToArray(), Enumerable.Repeat(7.0, 60).ToArray());
        var dependent = Assert.Throws<ArgumentException>(() => AutoRegression.Fit(ForecastWindows.Create(flat, 3, 0.2).Train));
        Assert.Contains("depends on the others", dependent.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastWindows.Create(flat, 30, 0.2));
    }
}
