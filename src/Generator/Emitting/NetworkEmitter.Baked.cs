using System.Text;
using NeuralDsl.Generator.Baking;
using NeuralDsl.Generator.Helpers;

namespace NeuralDsl.Generator.Emitting;

// A network whose weights are compiled in: the parameters (and batch normalisation's running
// statistics) as constant data, and the same Predict and forward methods as any network, reading it.
internal sealed partial class NetworkEmitter
{
    /// <summary>Values per line of a baked array: short enough lines for editors and diffs.</summary>
    private const int ValuesPerLine = 8;

    public static string EmitBaked(BakedNetwork network)
    {
        var emitter = new NetworkEmitter(network.Model, network);
        emitter.EmitFile();
        return emitter._writer.ToString();
    }

    private void EmitBakedData(BakedNetwork network)
    {
        string source = $"{network.FileName} ({(network.Format == WeightsFormat.RTNeural ? "RTNeural JSON" : "NeuralDsl weights JSON")})";
        _writer.WriteLine($$"""

            // The C# compiler stores a ReadOnlySpan<float> of constants as data in the assembly image and
            // returns a span over it (RuntimeHelpers.CreateSpan): no allocation, no copy, nothing to initialise.

            /// <summary>All parameters, layer after layer (dense weights input-major [inputs, units], biases, then PReLU slopes), compiled in from {{source}}. Read-only.</summary>
            """);
        EmitConstantSpan("Parameters", network.Parameters);
        if (HasState)
        {
            _writer.WriteLine();
            _writer.WriteLine($"/// <summary>Batch normalisation's running means, then variances, per layer, compiled in from {source}. Read-only.</summary>");
            EmitConstantSpan("State", network.State);
        }
        _writer.WriteLine("""

            int global::NeuralDsl.IPredictor.InputSize => InputSize;
            int global::NeuralDsl.IPredictor.OutputSize => OutputSize;
            int global::NeuralDsl.IPredictor.ParameterCount => ParameterCount;
            global::System.Collections.Generic.IReadOnlyList<global::NeuralDsl.LayerInfo> global::NeuralDsl.IPredictor.Layers => Layers;
            """);
    }

    private void EmitConstantSpan(string name, EquatableArray<float> values)
    {
        _writer.WriteLine($"public static {ReadOnlySpan} {name}");
        _writer.WriteLine("{");
        _writer.Indentation++;
        // Unoptimised code runs RuntimeHelpers.CreateSpan as a call, which allocates on .NET 8 (measured:
        // 64 bytes a read); optimised code reads the constant data in place.
        _writer.WriteLine(Optimised);
        _writer.WriteLine("get => new float[]");
        _writer.WriteLine("{");
        _writer.Indentation++;
        var line = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            if (line.Length > 0) line.Append(' ');
            line.Append(Literals.Float(values[i])).Append(',');
            if ((i + 1) % ValuesPerLine == 0 || i == values.Count - 1)
            {
                _writer.WriteLine(line.ToString());
                line.Clear();
            }
        }
        _writer.Indentation--;
        _writer.WriteLine("};");
        _writer.Indentation--;
        _writer.WriteLine("}");
    }
}
