namespace NeuralDsl;

/// <summary>
/// Declares a feed-forward network on a partial class; the source generator emits its forward pass,
/// loss, backward pass and training step, with every size a constant.
/// </summary>
/// <example>
/// <code>
/// [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
/// [Dense(4, Activation.Tanh)]
/// [Dense(1, Activation.Sigmoid)]
/// public partial class XorNet;
///
/// var net = new XorNet(seed: 1);
/// float loss = net.TrainStep(inputs, targets);   // one SGD step on a mini-batch
/// net.Predict(sample, output);                   // allocates nothing
/// </code>
/// </example>
[global::System.AttributeUsage(global::System.AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : global::System.Attribute
{
    /// <summary>Number of input features of one sample. Required, at least 1.</summary>
    public int Inputs { get; set; }

    /// <summary>The training loss. <see cref="NeuralDsl.Loss.None"/> (the default) makes the network inference-only.</summary>
    public Loss Loss { get; set; }

    /// <summary>The optimiser <c>TrainStep</c> and <c>Fit</c> use. Default <see cref="NeuralDsl.Optimizer.Sgd"/>.</summary>
    public Optimizer Optimizer { get; set; }

    /// <summary>Step size of the optimiser. Default 0.01.</summary>
    public float LearningRate { get; set; } = 0.01f;

    /// <summary>Momentum of SGD or RMSprop, in [0, 1). Default 0.</summary>
    public float Momentum { get; set; }

    /// <summary>Whether SGD uses Nesterov momentum (needs <see cref="Momentum"/> &gt; 0). Default false.</summary>
    public bool Nesterov { get; set; }

    /// <summary>Adam's first-moment decay, in [0, 1). Default 0.9.</summary>
    public float Beta1 { get; set; } = 0.9f;

    /// <summary>Adam's second-moment decay, in [0, 1). Default 0.999.</summary>
    public float Beta2 { get; set; } = 0.999f;

    /// <summary>The optimiser's epsilon; NaN (the default) means the optimiser's PyTorch default.</summary>
    public float Epsilon { get; set; } = float.NaN;

    /// <summary>The optimiser's weight decay (coupled L2 for SGD, AdaGrad, RMSprop and Adam; decoupled for AdamW); NaN (the default) means the optimiser's PyTorch default.</summary>
    public float WeightDecay { get; set; } = float.NaN;

    /// <summary>Seed used by the parameterless constructor. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Threshold between the quadratic and linear parts of <see cref="NeuralDsl.Loss.Huber"/>. Default 1.</summary>
    public float HuberDelta { get; set; } = 1f;
}
