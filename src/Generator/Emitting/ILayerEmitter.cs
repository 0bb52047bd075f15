using System;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// What the network emitter needs from each layer kind. A new kind (dropout, normalisation,
/// convolution) implements this and the network emitter composes it like any other.
/// </summary>
internal interface ILayerEmitter
{
    /// <summary>One line naming the layer, its shape and its parameter ranges, for comments.</summary>
    string Describe(LayerModel layer);

    /// <summary>Fills the layer's parameters in <c>ResetParameters</c> (span <c>p</c>, generator <c>random</c>).</summary>
    void EmitInitialization(SourceWriter writer, LayerModel layer);

    /// <summary>Computes the pre-activation <paramref name="z"/> from the input <paramref name="x"/>.</summary>
    void EmitForward(SourceWriter writer, LayerModel layer, string x, string z);

    /// <summary>Adds the layer's parameter gradients to <c>g</c>, from its input and its pre-activation delta.</summary>
    void EmitParameterGradients(SourceWriter writer, LayerModel layer, string x, string d);

    /// <summary>Writes the gradient with respect to the layer's input into <paramref name="dx"/>.</summary>
    void EmitInputGradient(SourceWriter writer, LayerModel layer, string d, string dx);
}

internal static class LayerEmitters
{
    public static ILayerEmitter For(LayerModel layer) => layer.Kind switch
    {
        LayerKind.Dense => DenseEmitter.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Kind, "No emitter for this layer kind."),
    };
}
