using System;
using System.Globalization;
using System.IO;
using NeuralDsl;

namespace Samples.EmbeddedAot;

/// <summary>
/// RTNeural's own model lstm_1d.json (Keras' LSTM(8) then Dense(1)), compiled into the assembly: a
/// streaming network for the real-time use RTNeural serves, stepped one sample at a time.
/// </summary>
[Network(InputShape = [100, 1], Weights = "lstm_1d.json")]
[LSTM(8)]
[Dense(1)]
public partial class EmbeddedLstm;

/// <summary>Streams RTNeural's test signal through <see cref="EmbeddedLstm"/> and compares each step with Keras' output.</summary>
public static class LstmStream
{
    /// <summary>Float rounding over 100 steps of an LSTM(8): Keras' outputs are float32 values of at most 0.61.</summary>
    private const float Tolerance = 1e-6f;

    /// <summary>Returns whether every step's output is within <see cref="Tolerance"/> of Keras'.</summary>
    public static bool Run()
    {
        float[] x = Read("lstm_1d_x_python.csv"), expected = Read("lstm_1d_y_python.csv");
        var net = new EmbeddedLstm();
        Span<float> y = stackalloc float[EmbeddedLstm.OutputSize];
        float worst = 0f;
        for (int t = 0; t < x.Length; t++)
        {
            net.Step(x.AsSpan(t, 1), y);
            worst = MathF.Max(worst, MathF.Abs(y[0] - expected[t]));
        }
        bool asKeras = worst <= Tolerance;
        Console.WriteLine($"LSTM(8) from RTNeural's lstm_1d.json, compiled in: {x.Length} steps streamed, worst difference from Keras {worst:E1}{(asKeras ? "" : $"  DIFFERS (tolerance {Tolerance:E0})")}.");
        return asKeras;
    }

    /// <summary>One value per line, from the CSV files embedded in the assembly (RTNeural's test signal and Keras' outputs).</summary>
    private static float[] Read(string name)
    {
        using Stream stream = typeof(LstmStream).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var values = new System.Collections.Generic.List<float>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length > 0) values.Add(float.Parse(line, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        return values.ToArray();
    }
}
