using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Baking;

// NeuralDsl's format for image, sequence, recurrent and embedding layers: the geometry members must equal
// the declaration's (so a file for 8 filters, another padding or the other GRU form is refused by name),
// then every named array must have the declared shape. The layout is the runtime's (WeightsJsonLayout):
// Keras' kernels input-major, a recurrent layer's backward direction after its forward one.
internal static partial class WeightsBinder
{
    private readonly record struct Slot(string Name, bool InState, int Offset, int Rows, int Columns)
    {
        public int Count => Rows == 0 ? Columns : Rows * Columns;
    }

    /// <summary>The geometry members a layer's entry holds, as "name=value" in the runtime writer's text.</summary>
    private static List<string> Geometry(LayerModel layer)
    {
        var members = new List<string>();
        if (!layer.InputShape.IsVector || !layer.OutputShape.IsVector || layer.IsRecurrent || layer.Kind == LayerKind.Embedding)
        {
            members.Add("inputShape=" + ShapeText(layer.InputShape));
            members.Add("outputShape=" + ShapeText(layer.OutputShape));
        }
        if (layer.IsConvolution || layer.IsPooling)
        {
            members.Add("kernelSize=" + Int(layer.Window.KernelWidth));
            members.Add("strides=" + Int(layer.Window.StrideWidth));
            members.Add("padding=\"" + layer.Window.Padding + "\"");
        }
        if (layer.IsRecurrent)
        {
            members.Add("returnSequences=" + Bool(layer.Recurrence.ReturnSequences));
            members.Add("bidirectional=" + Bool(layer.Recurrence.Bidirectional));
            if (layer.Kind == LayerKind.GRU) members.Add("resetAfter=" + Bool(layer.Recurrence.ResetAfter));
        }
        return members;
    }

    private static WeightsProblem? CheckGeometry(LayerModel layer, WeightsLayer entry)
    {
        List<string> expected = Geometry(layer);
        foreach (string member in expected)
        {
            string name = member.Substring(0, member.IndexOf('='));
            string? found = entry.Geometry.FirstOrDefault(g => g.StartsWith(name + "=", System.StringComparison.Ordinal));
            if (found != member)
                return Mismatch($"{Describe(layer)}: the file's layer {Int(layer.Index)} has \"{name}\" {(found is null ? "missing" : found.Substring(name.Length + 1))}, the declaration {member.Substring(name.Length + 1)}", entry);
        }
        foreach (string found in entry.Geometry)
        {
            if (!expected.Contains(found)) return Mismatch($"{Describe(layer)}: the file's layer {Int(layer.Index)} has \"{found.Substring(0, found.IndexOf('='))}\", which the declared layer has not", entry);
        }
        return null;
    }

    /// <summary>The arrays of a convolution, recurrent or embedding layer (and the slopes of any PReLU but a dense layer's), in the runtime writer's order.</summary>
    private static List<Slot> Slots(LayerModel layer)
    {
        var slots = new List<Slot>();
        int channels = layer.OutputShape.Channels;
        if (layer.IsConvolution)
        {
            slots.Add(new Slot("weights", false, layer.WeightOffset, layer.WeightCount / channels, channels));
            if (layer.UseBias) slots.Add(new Slot("biases", false, layer.BiasOffset, 0, channels));
        }
        else if (layer.Kind == LayerKind.Embedding)
        {
            slots.Add(new Slot("table", false, layer.WeightOffset, layer.Vocabulary, channels));
        }
        else if (layer.IsRecurrent)
        {
            int units = layer.Recurrence.Units, columns = layer.Gates * units;
            for (int direction = 0; direction < layer.Recurrence.Directions; direction++)
            {
                int shift = direction * layer.DirectionParameterCount;
                string prefix = direction == 0 ? "" : "backward";
                slots.Add(new Slot(Prefixed(prefix, "kernel"), false, layer.WeightOffset + shift, layer.InputShape.Channels, columns));
                slots.Add(new Slot(Prefixed(prefix, "recurrentKernel"), false, layer.WeightOffset + layer.WeightCount + shift, units, columns));
                slots.Add(new Slot(Prefixed(prefix, "biases"), false, layer.BiasOffset + shift, layer.Recurrence.ResetAfter && layer.Kind == LayerKind.GRU ? 2 : 0, columns));
            }
        }
        if (layer.HasSlopes) slots.Add(new Slot("slopes", false, layer.SlopeOffset, 0, layer.Units));
        return slots;
    }

    private static WeightsProblem? CopySlots(LayerModel layer, WeightsLayer entry, float[] parameters, float[] state)
    {
        List<Slot> slots = Slots(layer);
        foreach (Slot slot in slots)
        {
            WeightsArray? array = entry.Arrays.FirstOrDefault(a => a.Name == slot.Name);
            string what = Plain(slot.Name);
            if (array is null)
                return Mismatch($"{Describe(layer)} has {what}, but the file has none for it", entry);
            if (array.Rows != slot.Rows || array.Columns != slot.Columns)
                return new WeightsProblem(WeightsProblemKind.Mismatch,
                    $"{Describe(layer)}: the file's {what} are {Dimensions(array.Rows, array.Columns)}, the declaration needs {Dimensions(slot.Rows, slot.Columns)}", array.Line, array.Column);
            Copy(array.Values, slot.InState ? state : parameters, slot.Offset);
        }
        foreach (WeightsArray array in entry.Arrays)
        {
            if (!slots.Any(s => s.Name == array.Name))
                return new WeightsProblem(WeightsProblemKind.Mismatch,
                    array.Name == "biases" && layer.IsConvolution
                        ? $"{Describe(layer)} is declared UseBias = false, but the file has biases for it"
                        : $"{Describe(layer)} has no {Plain(array.Name)}, but the file has some", array.Line, array.Column);
        }
        return null;
    }

    private static string Prefixed(string prefix, string name) => prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>An array's name in messages: "recurrent kernel", "backward biases", "PReLU slopes".</summary>
    private static string Plain(string name) => name == "slopes"
        ? "PReLU slopes"
        : string.Concat(name.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private static string Dimensions(int rows, int columns) => rows == 0 ? $"{Int(columns)} values" : $"{Int(rows)} x {Int(columns)}";

    private static string ShapeText(Shape shape) => shape.Rank switch
    {
        1 => $"[{Int(shape.Channels)}]",
        2 => $"[{Int(shape.Width)}, {Int(shape.Channels)}]",
        _ => $"[{Int(shape.Height)}, {Int(shape.Width)}, {Int(shape.Channels)}]",
    };

    private static string Bool(bool value) => value ? "true" : "false";
}
