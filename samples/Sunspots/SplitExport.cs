using System.IO;
using System.Linq;
using System.Text.Json;
using NeuralDsl;
using NeuralDsl.Training;

namespace Samples.Sunspots;

/// <summary>
/// Writes what compare.py needs to rebuild the sample's data and training: the window, the target years of
/// the training and test windows, the scaling, the network's settings and seeds, and the sample's results.
/// </summary>
public static class SplitExport
{
    /// <summary>Writes the JSON file at <paramref name="path"/>.</summary>
    public static void Write(string path, ForecastWindows windows, RecurrentCell cell, BaselineForecast baseline, NetworkForecast[] networks)
    {
        ITrainableNetwork net = SunspotsTraining.Create(cell, seed: 0);
        TrainingOptions options = SunspotsTraining.Options(net, seed: 0);
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("window", windows.Window);
        json.WriteNumber("first_test_year", windows.FirstTestYear);
        json.WriteNumber("mean", windows.Mean);
        json.WriteNumber("scale", windows.Scale);
        Integers(json, "train_years", windows.Train.TargetYears);
        Integers(json, "test_years", windows.Test.TargetYears);

        json.WriteStartObject("network");
        json.WriteString("cell", cell == RecurrentCell.Lstm ? "lstm" : "gru");
        json.WriteNumber("units", net.Layers[0].RecurrentUnits);
        json.WriteNumber("epochs", options.Epochs);
        json.WriteNumber("batch_size", options.BatchSize);
        json.WriteNumber("learning_rate", net.LearningRate);
        json.WriteNumber("clip_norm", options.ClipNorm);
        json.WriteEndObject();
        Integers(json, "seeds", networks.Select(n => n.Seed).ToArray());

        json.WriteStartObject("neuraldsl");
        json.WriteNumber("ar_rmse", baseline.Errors.Rmse);
        json.WriteNumber("ar_mae", baseline.Errors.Mae);
        json.WriteStartArray("network_rmse");
        foreach (NetworkForecast n in networks) json.WriteNumberValue(n.Errors.Rmse);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Integers(Utf8JsonWriter json, string name, int[] values)
    {
        json.WriteStartArray(name);
        foreach (int v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
