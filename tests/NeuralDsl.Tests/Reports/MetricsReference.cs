using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NeuralDsl.Tests.Reports;

/// <summary>Reads Reference/metrics.json, written by tests/reference/make_metrics_reference.py with scikit-learn.</summary>
internal static class MetricsReference
{
    public static JsonElement Root { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "metrics.json"))).RootElement;

    public static int[] Ints(this JsonElement element) => element.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static double[] Doubles(this JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>The script stores float32 values as their exact float64 value, so the cast is exact.</summary>
    public static float[] Floats(this JsonElement element) => element.EnumerateArray().Select(e => checked((float)e.GetDouble())).ToArray();

    public static void Close(double expected, double actual, string what)
    {
        if (!(Math.Abs(expected - actual) <= 1e-12)) Assert.Fail($"{what}: expected {expected:R}, got {actual:R}.");
    }
}
