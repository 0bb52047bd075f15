using System.Collections.Generic;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis;

/// <summary>
/// A valid network model seen the way the design rules reason about it (the catalogue's section 2.0):
/// trainable layers (Dense, Conv2D, Conv1D) and pass-through layers (Dropout, BatchNormalization,
/// Activation, pooling, Flatten), the output layer (the last Dense) and the hidden layers (every other
/// trainable layer), and the effective activation of each trainable layer. Rules never look at names.
/// </summary>
internal sealed class NetworkDesign
{
    private readonly List<LayerModel> _dense = [];
    private readonly List<LayerModel> _trainable = [];

    public NetworkDesign(NetworkModel model)
    {
        Model = model;
        foreach (LayerModel layer in model.Layers)
        {
            if (layer.Kind == LayerKind.Dense) _dense.Add(layer);
            if (IsTrainable(layer)) _trainable.Add(layer);
        }
    }

    public NetworkModel Model { get; }

    public IReadOnlyList<LayerModel> Layers => Model.Layers;

    /// <summary>The Dense layers in order.</summary>
    public IReadOnlyList<LayerModel> Dense => _dense;

    /// <summary>The last Dense layer, or null for a network of pass-through layers only.</summary>
    public LayerModel? Output => _dense.Count == 0 ? null : _dense[_dense.Count - 1];

    /// <summary>The Dense and convolution layers in order: the layers with weights and an activation.</summary>
    public IReadOnlyList<LayerModel> Trainable => _trainable;

    /// <summary>
    /// Every trainable layer but the last one, which is the output layer (the last Dense) when there is
    /// a Dense layer. A network that ends in a convolution (an image out) has that convolution as its
    /// outputs, so it is not hidden either.
    /// </summary>
    public IEnumerable<LayerModel> Hidden
    {
        get
        {
            for (int i = 0; i < _trainable.Count - 1; i++) yield return _trainable[i];
        }
    }

    public static bool IsTrainable(LayerModel layer) => layer.Kind == LayerKind.Dense || layer.IsConvolution;

    /// <summary>
    /// Inputs each output value of a trainable layer reads: a Dense layer's inputs, or a convolution's
    /// window over every input channel, kh * kw * in channels (Keras' fan-in).
    /// </summary>
    public static int FanIn(LayerModel layer) => layer.IsConvolution
        ? layer.Window.KernelHeight * layer.Window.KernelWidth * layer.InputShape.Channels
        : layer.Inputs;

    /// <summary>
    /// The activation of the network's outputs: that of the last layer that is not a Dropout. This is
    /// what the loss sees, and what the parser checks the loss against (ND101, ND105, ND106).
    /// </summary>
    public ActivationKind OutputActivation => Model.OutputActivation;

    /// <summary>Units of the network's outputs.</summary>
    public int OutputUnits => Model.OutputSize;

    /// <summary>The layer after <paramref name="layer"/>, or null for the last one.</summary>
    public LayerModel? Next(LayerModel layer) => layer.Index + 1 < Layers.Count ? Layers[layer.Index + 1] : null;

    /// <summary>The layer before <paramref name="layer"/>, or null for the first one.</summary>
    public LayerModel? Previous(LayerModel layer) => layer.Index > 0 ? Layers[layer.Index - 1] : null;

    /// <summary>
    /// The effective activation of a trainable layer: its own if it is not linear, otherwise the first
    /// non-linear Activation layer between it and the next trainable or recurrent layer (linear if there
    /// is none). Batch normalisation is not a non-linearity; pooling, Flatten and dropout pass values through.
    /// </summary>
    public ActivationKind Effective(LayerModel dense) => EffectiveSource(dense).Activation;

    /// <summary>The layer that supplies <see cref="Effective"/>: the trainable layer itself, or the Activation layer after it.</summary>
    public LayerModel EffectiveSource(LayerModel dense)
    {
        if (dense.Activation != ActivationKind.Linear) return dense;
        for (int i = dense.Index + 1; i < Layers.Count && !IsTrainable(Layers[i]) && !Layers[i].IsRecurrent; i++)
        {
            if (Layers[i].Kind == LayerKind.Activation && Layers[i].Activation != ActivationKind.Linear) return Layers[i];
        }
        return dense;
    }

    /// <summary>
    /// Whether a recurrent layer reads what <paramref name="layer"/> writes, through pass-through layers
    /// only: its tanh and sigmoid gates are the non-linearity after the layer, which then does not
    /// compose with the next weights into one linear map.
    /// </summary>
    public bool FeedsRecurrentLayer(LayerModel layer)
    {
        for (int i = layer.Index + 1; i < Layers.Count && !IsTrainable(Layers[i]); i++)
        {
            if (Layers[i].IsRecurrent) return true;
        }
        return false;
    }

    /// <summary>Whether a batch normalisation layer comes straight after <paramref name="layer"/>.</summary>
    public bool FollowedByBatchNormalization(LayerModel layer) => Next(layer)?.Kind == LayerKind.BatchNormalization;

    public bool HasBatchNormalization
    {
        get
        {
            foreach (LayerModel layer in Layers)
            {
                if (layer.Kind == LayerKind.BatchNormalization) return true;
            }
            return false;
        }
    }

    public static bool IsSaturating(ActivationKind activation) => activation is ActivationKind.Sigmoid or ActivationKind.Tanh;

    /// <summary>The rectifier family of the catalogue (relu, leaky_relu, elu, prelu).</summary>
    public static bool IsRectifier(ActivationKind activation) =>
        activation is ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.ELU or ActivationKind.PReLU;

    public static bool IsProbability(ActivationKind activation) => activation is ActivationKind.Sigmoid or ActivationKind.Softmax;

    public static bool IsCrossEntropy(LossKind loss) =>
        loss is LossKind.BinaryCrossEntropy or LossKind.CategoricalCrossEntropy or LossKind.SparseCategoricalCrossEntropy;

    public static bool IsCategorical(LossKind loss) => loss is LossKind.CategoricalCrossEntropy or LossKind.SparseCategoricalCrossEntropy;

    public static bool IsRegressionLoss(LossKind loss) => loss is LossKind.MeanSquaredError or LossKind.MeanAbsoluteError or LossKind.Huber;

    /// <summary>The weight initialiser suited to an activation: He for rectifiers, LeCun for SELU, Glorot otherwise.</summary>
    public static InitKind MatchedInit(ActivationKind activation) =>
        IsRectifier(activation) ? InitKind.HeUniform : activation == ActivationKind.SELU ? InitKind.LeCunNormal : InitKind.GlorotUniform;
}
