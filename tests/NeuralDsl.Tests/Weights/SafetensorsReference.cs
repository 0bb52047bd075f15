using System;
using System.IO;
using System.Text.Json;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Weights;

/// <summary>The PyTorch reference files of the safetensors tests (tests/reference/make_*safetensors_reference.py).</summary>
internal static class SafetensorsReference
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Weights", "Reference", file);

    /// <summary>
    /// Loads <c>name.safetensors</c> into <paramref name="net"/> and predicts each input of <c>name.json</c>:
    /// returns the worst error against PyTorch's outputs (absolute for outputs up to 1 in magnitude,
    /// relative above) and how many samples were compared.
    /// </summary>
    public static (double Worst, int Samples) Reproduce(INetwork net, string name)
    {
        net.LoadSafetensors(Path(name + ".safetensors"));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path(name + ".json")));
        double worst = 0;
        int samples = 0;
        foreach (JsonElement input in json.RootElement.GetProperty("inputs").EnumerateArray())
        {
            float[] x = Array.ConvertAll(input.Deserialize<double[]>()!, v => (float)v);
            float[] y = new float[net.OutputSize];
            net.Predict(x, y);
            double[] expected = json.RootElement.GetProperty("outputs")[samples++].Deserialize<double[]>()!;
            Assert.Equal(expected.Length, y.Length);
            for (int i = 0; i < y.Length; i++)
                worst = Math.Max(worst, Math.Abs(y[i] - expected[i]) / Math.Max(1, Math.Abs(expected[i])));
        }
        return (worst, samples);
    }
}
