using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

// The recurrent layers (SimpleRNN, LSTM, GRU, each optionally bidirectional) and the embedding that
// turns token ids into a sequence for them.
internal sealed partial class NetworkParser
{
    private LayerModel? ParseRecurrent(AttributeData attribute, int index, Shape input, int offset, int stateOffset, LayerKind kind)
    {
        int units = Positional(attribute, 0, 0);
        if (units <= 0)
        {
            Report(DiagnosticDescriptors.NonPositiveUnits, ArgumentLocation(attribute, "units", 0), index, units);
            return null;
        }
        bool useBias = Named(attribute, "UseBias", true);
        if (!useBias)
        {
            Report(DiagnosticDescriptors.InvalidWindowArgument, ArgumentLocation(attribute, "UseBias"), "UseBias = false", index, kind,
                "recurrent layers always have biases in NeuralDsl (their gates need them to start open or closed); remove UseBias");
            return null;
        }
        if (!Fits(attribute, index, kind, input, 2)) return null;

        bool returnSequences = Named(attribute, "ReturnSequences", false);
        bool bidirectional = Named(attribute, "Bidirectional", false);
        var recurrence = new Recurrence(units, returnSequences, bidirectional,
            ResetAfter: kind == LayerKind.GRU && Named(attribute, "ResetAfter", true),
            UnitForgetBias: kind == LayerKind.LSTM && Named(attribute, "UnitForgetBias", true),
            RecurrentInit: ParseInit(attribute, "Recurrent", InitKind.Orthogonal));
        int width = recurrence.Directions * units;
        if (!FitsInSpan(attribute, index, returnSequences ? (long)input.Width * width : width)) return null;
        Shape output = returnSequences ? Shape.Sequence(input.Width, width) : Shape.Vector(width);
        var penalties = new Penalties(Penalty(attribute, "KernelL1"), Penalty(attribute, "KernelL2"), Penalty(attribute, "BiasL1"), Penalty(attribute, "BiasL2"));
        return new LayerModel(index, kind, input, output, ActivationKind.Linear, 0f,
            ParseInit(attribute, "Weight", InitKind.GlorotUniform), ParseInit(attribute, "Bias", InitKind.Zeros), offset, stateOffset)
        {
            Recurrence = recurrence,
            Penalties = penalties,
        };
    }

    private LayerModel? ParseEmbedding(AttributeData attribute, int index, Shape input, int offset, int stateOffset)
    {
        int vocabulary = Positional(attribute, 0, 0), dimensions = Positional(attribute, 1, 0);
        bool valid = AtLeastOne(attribute, "inputDim", 0, vocabulary, index, LayerKind.Embedding) & AtLeastOne(attribute, "outputDim", 1, dimensions, index, LayerKind.Embedding);
        if (index != 0)
        {
            Report(DiagnosticDescriptors.LayerInputShapeMismatch, AttributeLocation(attribute), index, LayerKind.Embedding, _shapeUnknown ? "unknown" : input.ToString(),
                "an embedding reads token ids, which only the network's input holds: make it the first layer");
            _shapeUnknown = true;
            return null;
        }
        if (!valid || !Fits(attribute, index, LayerKind.Embedding, input, 1)) return null;
        if (!FitsInSpan(attribute, index, (long)input.Size * dimensions) || !FitsInSpan(attribute, index, (long)vocabulary * dimensions)) return null;
        return new LayerModel(index, LayerKind.Embedding, input, Shape.Sequence(input.Size, dimensions), ActivationKind.Linear, 0f,
            ParseInit(attribute, "Weight", InitKind.RandomUniform), default, offset, stateOffset)
        {
            UseBias = false,
            Vocabulary = vocabulary,
        };
    }
}
