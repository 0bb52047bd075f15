using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NeuralDsl.Tests.Data;

/// <summary>
/// tests/NeuralDsl.Tests/Reference/data.json, written by tests/reference/make_data_reference.py: a small
/// float32 matrix and what scikit-learn's scalers and label encoder make of it.
/// </summary>
public sealed class DataReference
{
    private static readonly Lazy<DataReference> Instance = new(() => new DataReference());

    private readonly JsonElement _root;

    private DataReference()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "data.json");
        _root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static DataReference Load() => Instance.Value;

    public int Columns => _root.GetProperty("columns").GetInt32();

    /// <summary>The training matrix, float32 values exactly as the script made them.</summary>
    public float[] Train => Floats(_root.GetProperty("train"));

    /// <summary>A matrix to apply the fitted scalers to.</summary>
    public float[] Other => Floats(_root.GetProperty("other"));

    public double[] Doubles(string section, string name) =>
        _root.GetProperty(section).GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public string[] Strings(string section, string name) =>
        _root.GetProperty(section).GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public int[] Ints(string section, string name) =>
        _root.GetProperty(section).GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    // The values are float32 numbers written as float64: narrowing them is exact.
    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
}
