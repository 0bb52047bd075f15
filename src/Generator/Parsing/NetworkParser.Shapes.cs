using System.Linq;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

// Shape inference: the declared input shape, and for each layer the shape it needs and the shape it
// gives. A layer that does not fit is reported at its attribute; the layers after it are not checked,
// since their input shape is then unknown (one diagnostic per root cause).
internal sealed partial class NetworkParser
{
    private bool _shapeUnknown;

    /// <summary>The input: <c>Inputs = n</c> (a vector) or <c>InputShape = [...]</c>; null, reported, when neither is usable.</summary>
    private Shape? ParseInputShape()
    {
        int inputs = Named(_network, "Inputs", 0);
        if (!HasNamed(_network, "InputShape"))
        {
            if (inputs > 0) return Shape.Vector(inputs);
            Report(DiagnosticDescriptors.InvalidInputs, ArgumentLocation(_network, "Inputs"), _type.Name, inputs);
            _shapeUnknown = true;
            return null;
        }

        Location location = ArgumentLocation(_network, "InputShape");
        TypedConstant value = _network.NamedArguments.First(a => a.Key == "InputShape").Value;
        if (value.IsNull || value.Kind != TypedConstantKind.Array)
        {
            Report(DiagnosticDescriptors.InvalidInputShape, location, "null", "give one extent (a vector), two (steps, features) or three (height, width, channels)");
            _shapeUnknown = true;
            return null;
        }
        int[] extents = value.Values.Select(v => v.Value is int extent ? extent : 0).ToArray();
        string written = "[" + string.Join(", ", extents) + "]";
        string? problem =
            HasNamed(_network, "Inputs") ? "declare Inputs or InputShape, not both" :
            extents.Length is 0 or > 3 ? $"it has {extents.Length} extents; give one (a vector), two (steps, features) or three (height, width, channels)" :
            extents.Any(e => e <= 0) ? "every extent must be at least 1" :
            extents.Aggregate(1L, (product, e) => product * e) > int.MaxValue ? $"a sample would hold more than {int.MaxValue} values" :
            null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidInputShape, location, written, problem);
            _shapeUnknown = true;
            return null;
        }
        return extents.Length switch
        {
            1 => Shape.Vector(extents[0]),
            2 => Shape.Sequence(extents[0], extents[1]),
            _ => Shape.Image(extents[0], extents[1], extents[2]),
        };
    }

    /// <summary>
    /// Whether <paramref name="input"/> has the rank the layer takes; reports it otherwise. When the input
    /// is unknown (after an invalid input or layer) nothing is reported: Dense is still parsed for its
    /// own arguments, the shaped layers, which need the shape, are not.
    /// </summary>
    private bool Fits(AttributeData attribute, int index, LayerKind kind, Shape input, int rank)
    {
        if (_shapeUnknown) return kind == LayerKind.Dense;
        if (input.Rank == rank) return true;
        Report(DiagnosticDescriptors.LayerInputShapeMismatch, AttributeLocation(attribute), index, kind, input, MisfitReason(kind, input, rank));
        _shapeUnknown = true;
        return false;
    }

    private static string MisfitReason(LayerKind kind, Shape input, int rank) => rank switch
    {
        1 when kind == LayerKind.Embedding => "an embedding reads a vector of token ids; declare the network's Inputs = steps",
        1 => "Dense takes a vector; put [Flatten] or a global pooling layer before it",
        2 => $"{kind} takes a sequence (steps, features)" + (input.IsVector
            ? "; a vector has no steps: declare the network's InputShape = [steps, features]" + (kind is LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU ? ", or give the recurrent layer below it ReturnSequences = true" : "")
            : kind is LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU ? "; an image is not a sequence" : "; for an image use the 2-D layer"),
        _ => $"{kind} takes an image (height, width, channels)" + (input.IsVector
            ? "; a vector has no spatial axes: declare the network's InputShape = [height, width, channels]"
            : "; for a sequence use the 1-D layer"),
    };

    private LayerModel? ParseConvolution(AttributeData attribute, int index, Shape input, int offset, int stateOffset, bool isOutput, LossKind loss, LayerKind kind)
    {
        int filters = Positional(attribute, 0, 0), kernel = Positional(attribute, 1, 0), strides = Named(attribute, "Strides", 1);
        PaddingKind padding = NamedEnum(attribute, "Padding", PaddingKind.Valid, "NeuralDsl.Padding");
        ActivationKind activation = CheckActivation(attribute, index, isOutput, loss, position: 2);
        bool valid = AtLeastOne(attribute, "filters", 0, filters, index, kind) & AtLeastOne(attribute, "kernelSize", 1, kernel, index, kind) &
            AtLeastOne(attribute, "Strides", -1, strides, index, kind);
        if (activation == ActivationKind.Softmax)
        {
            Report(DiagnosticDescriptors.InvalidWindowArgument, ArgumentLocation(attribute, "activation", 2), "activation = Softmax", index, kind,
                "a softmax over an image's or a sequence's channels is not supported; flatten, then use a Dense softmax output");
            valid = false;
        }
        bool twoD = kind == LayerKind.Conv2D;
        if (!valid || !Fits(attribute, index, kind, input, twoD ? 3 : 2)) return null;
        if (Slide(attribute, index, kind, input, twoD ? kernel : 1, kernel, twoD ? strides : 1, strides, padding, ArgumentLocation(attribute, "kernelSize", 1)) is not (Window window, int height, int width)) return null;
        if (!FitsInSpan(attribute, index, (long)height * width * filters)) return null;

        float alpha = ParseAlpha(attribute, activation);
        InitSpec weights = ParseInit(attribute, "Weight", DefaultWeightInit(activation));
        InitSpec biases = ParseInit(attribute, "Bias", InitKind.Zeros);
        bool useBias = Named(attribute, "UseBias", true);
        float biasL1 = Penalty(attribute, "BiasL1"), biasL2 = Penalty(attribute, "BiasL2");
        var penalties = new Penalties(Penalty(attribute, "KernelL1"), Penalty(attribute, "KernelL2"), useBias ? biasL1 : 0f, useBias ? biasL2 : 0f);
        return new LayerModel(index, kind, input, input.With(height, width, filters), activation, alpha, weights, biases, offset, stateOffset)
        {
            UseBias = useBias,
            Penalties = penalties,
            Window = window,
        };
    }

    private LayerModel? ParsePooling(AttributeData attribute, int index, Shape input, int offset, int stateOffset, LayerKind kind)
    {
        int pool = Positional(attribute, 0, 0);
        bool stridesWritten = HasNamed(attribute, "Strides");
        int strides = stridesWritten ? Named(attribute, "Strides", 0) : pool;
        PaddingKind padding = NamedEnum(attribute, "Padding", PaddingKind.Valid, "NeuralDsl.Padding");
        bool valid = AtLeastOne(attribute, "poolSize", 0, pool, index, kind) & (!stridesWritten || AtLeastOne(attribute, "Strides", -1, strides, index, kind));
        bool twoD = kind is LayerKind.MaxPool2D or LayerKind.AveragePool2D;
        if (!valid || !Fits(attribute, index, kind, input, twoD ? 3 : 2)) return null;
        if (Slide(attribute, index, kind, input, twoD ? pool : 1, pool, twoD ? strides : 1, strides, padding, ArgumentLocation(attribute, "poolSize", 0)) is not (Window window, int height, int width)) return null;
        return new LayerModel(index, kind, input, input.With(height, width, input.Channels), ActivationKind.Linear, 0f, default, default, offset, stateOffset) { Window = window };
    }

    private LayerModel? ParseGlobalPooling(AttributeData attribute, int index, Shape input, int offset, int stateOffset, LayerKind kind) =>
        Fits(attribute, index, kind, input, kind == LayerKind.GlobalAveragePooling2D ? 3 : 2)
            ? new LayerModel(index, kind, input, Shape.Vector(input.Channels), ActivationKind.Linear, 0f, default, default, offset, stateOffset)
            : null;

    private LayerModel? ParseFlatten(AttributeData attribute, int index, Shape input, int offset, int stateOffset)
    {
        if (_shapeUnknown) return null;
        if (input.IsVector)
        {
            Report(DiagnosticDescriptors.LayerInputShapeMismatch, AttributeLocation(attribute), index, LayerKind.Flatten, input, "the input is already a vector; remove the Flatten");
            _shapeUnknown = true;
            return null;
        }
        return new LayerModel(index, LayerKind.Flatten, input, input.Flattened, ActivationKind.Linear, 0f, default, default, offset, stateOffset);
    }

    /// <summary>
    /// The window over <paramref name="input"/> and the output's height and width; null, reported at
    /// <paramref name="location"/>, when no position fits (a <c>valid</c> window larger than the input).
    /// </summary>
    private (Window Window, int Height, int Width)? Slide(
        AttributeData attribute, int index, LayerKind kind, Shape input, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, PaddingKind padding, Location location)
    {
        long height = Window.OutputExtent(input.Height, kernelHeight, strideHeight, padding);
        long width = Window.OutputExtent(input.Width, kernelWidth, strideWidth, padding);
        if (height <= 0 || width <= 0)
        {
            string window = kernelHeight == 1 && input.Rank == 2 ? $"{kernelWidth}-step" : $"{kernelHeight}x{kernelWidth}";
            Report(DiagnosticDescriptors.WindowLargerThanInput, location, index, kind, window, input);
            _shapeUnknown = true;
            return null;
        }
        // Both extents are at most the input's (strides are at least 1), so they are ints.
        int outHeight = (int)height, outWidth = (int)width;
        var slide = new Window(kernelHeight, kernelWidth, strideHeight, strideWidth, padding,
            Window.PadBefore(input.Height, kernelHeight, strideHeight, outHeight, padding),
            Window.PadBefore(input.Width, kernelWidth, strideWidth, outWidth, padding));
        return (slide, outHeight, outWidth);
    }

    private bool AtLeastOne(AttributeData attribute, string name, int position, int value, int index, LayerKind kind)
    {
        if (value >= 1) return true;
        Report(DiagnosticDescriptors.InvalidWindowArgument, ArgumentLocation(attribute, name, position), $"{name} = {value}", index, kind, "it must be at least 1");
        return false;
    }

    private bool FitsInSpan(AttributeData attribute, int index, long values)
    {
        if (values <= int.MaxValue) return true;
        Report(DiagnosticDescriptors.NetworkTooLarge, AttributeLocation(attribute), index, int.MaxValue);
        return false;
    }
}
