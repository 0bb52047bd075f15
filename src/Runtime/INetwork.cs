using System;
using System.Collections.Generic;

namespace NeuralDsl;

/// <summary>
/// What every generated network offers: inference over a flat parameter span. Implemented by the
/// source generator on each <see cref="NetworkAttribute"/> class without compiled-in
/// <see cref="NetworkAttribute.Weights"/>; every <see cref="INetwork"/> is also an <see cref="IPredictor"/>.
/// </summary>
public interface INetwork : IPredictor
{
    /// <summary>Features of one input sample.</summary>
    new int InputSize { get; }

    /// <summary>Values of one output sample.</summary>
    new int OutputSize { get; }

    /// <summary>Total number of trainable parameters.</summary>
    new int ParameterCount { get; }

    /// <summary>The layers in order, with their shapes and parameter offsets.</summary>
    new IReadOnlyList<LayerInfo> Layers { get; }

    // Generated networks implement the members above explicitly as INetwork's; these bridge them to IPredictor.
    int IPredictor.InputSize => InputSize;

    int IPredictor.OutputSize => OutputSize;

    int IPredictor.ParameterCount => ParameterCount;

    IReadOnlyList<LayerInfo> IPredictor.Layers => Layers;

    /// <summary>All parameters, layer after layer (weights, biases, then PReLU slopes). Writable.</summary>
    Span<float> Parameters { get; }

    /// <summary>Non-trainable values the network keeps (batch normalisation's running mean and variance); empty when there are none. Writable.</summary>
    Span<float> State { get; }

    /// <summary>Re-initialises every parameter deterministically from <paramref name="seed"/>.</summary>
    void ResetParameters(int seed);

}

/// <summary>
/// A generated network that declares a <see cref="NeuralDsl.Loss"/>: it can compute its loss and gradient
/// and take optimiser steps (plain SGD unless another optimiser is declared or set). Training members use per-instance buffers: one thread at a time.
/// </summary>
public interface ITrainableNetwork : INetwork
{
    /// <summary>The declared loss.</summary>
    Loss Loss { get; }

    /// <summary>
    /// Whether the declared cross-entropy loss takes the outputs as logits (<see cref="NetworkAttribute.FromLogits"/>):
    /// the outputs are then unnormalised scores, and probabilities are their sigmoid or softmax.
    /// Generated networks declared with <c>FromLogits = true</c> override the default, false.
    /// </summary>
    bool FromLogits => false;

    /// <summary>
    /// The training settings declared on <see cref="NetworkAttribute"/> (<c>Epochs</c>, <c>BatchSize</c>,
    /// <c>ValidationSplit</c>, <c>EarlyStoppingPatience</c>, <c>EarlyStoppingMonitor</c>, <c>ClipNorm</c>,
    /// <c>ClipValue</c>), which <c>Fit</c> follows when it is given no <see cref="Training.TrainingOptions"/>.
    /// Generated networks that declare any override the default, nothing declared.
    /// </summary>
    Training.TrainingDeclaration DeclaredTraining => default;

    /// <summary>Target values per sample: <see cref="INetwork.OutputSize"/>, or 1 for sparse class indices.</summary>
    int TargetSize { get; }

    /// <summary>The optimiser's step size; starts at the declared value.</summary>
    float LearningRate { get; set; }

    /// <summary>
    /// The optimiser <see cref="TrainStep"/> applies; starts as the declared one. Replaceable at run time.
    /// (Not named <c>Optimizer</c>: a member of that name would hide the <see cref="NeuralDsl.Optimizer"/>
    /// enum in the network's own attribute arguments.)
    /// </summary>
    Optimizers.IOptimizer TrainingOptimizer { get; set; }

    /// <summary>The training-mode outputs ([batch, OutputSize]) of the last <see cref="ComputeGradients"/> or <see cref="TrainStep"/> batch, for metrics.</summary>
    ReadOnlySpan<float> TrainingOutputs { get; }

    /// <summary>The gradient left by the last <see cref="ComputeGradients"/> or <see cref="TrainStep"/>, laid out like <see cref="INetwork.Parameters"/>.</summary>
    Span<float> Gradients { get; }

    /// <summary>Mean loss over a batch in inference mode (no dropout, running statistics), plus declared weight penalties, without touching gradients. Thread-safe.</summary>
    float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

    /// <summary>Mean loss over a batch in training mode, plus declared weight penalties; fills <see cref="Gradients"/> with its gradient. Parameters are unchanged (batch normalisation's running statistics advance).</summary>
    float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

    /// <summary>One optimiser step on a batch: <see cref="ComputeGradients"/>, then <see cref="TrainingOptimizer"/> updates the parameters. Returns the loss before the step.</summary>
    float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);
}
