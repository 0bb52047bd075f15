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
    /// <summary>Number of input features of one sample. Required (or <see cref="InputShape"/>), at least 1.</summary>
    public int Inputs { get; set; }

    /// <summary>
    /// Shape of one input sample, as Keras' <c>Input(shape=...)</c> without the batch axis, in place of
    /// <see cref="Inputs"/>: <c>[n]</c> a vector, <c>[steps, features]</c> a sequence (for the 1-D layers),
    /// <c>[height, width, channels]</c> an image, channels-last (for the 2-D layers). A sample is passed
    /// flat, row-major, the channel fastest. Every extent at least 1.
    /// </summary>
    /// <example><code>[Network(InputShape = [28, 28, 1], Loss = Loss.SparseCategoricalCrossEntropy)]</code></example>
    public int[]? InputShape { get; set; }

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

    /// <summary>
    /// Whether the cross-entropy loss receives logits rather than probabilities (Keras' <c>from_logits</c>,
    /// PyTorch's <c>BCEWithLogitsLoss</c> and <c>CrossEntropyLoss</c>): the loss applies the sigmoid
    /// (<see cref="NeuralDsl.Loss.BinaryCrossEntropy"/>) or the softmax (the categorical losses) itself, in
    /// a numerically stable form, and <c>Predict</c> returns the logits. Use it with a
    /// <see cref="Activation.Linear"/> output layer. Default false; applies to the cross-entropy losses only.
    /// </summary>
    public bool FromLogits { get; set; }

    /// <summary>
    /// Computes tanh and sigmoid with the scalar standard functions (<c>MathF.Tanh</c> and an exact-form
    /// sigmoid) instead of the vectorised kernels (relative error at most 3e-7), so that results do not
    /// depend on the CPU's vector width or the .NET version. Slower for tanh/sigmoid layers. Default false.
    /// </summary>
    public bool ExactActivations { get; set; }

    /// <summary>What the network learns. Optional: when declared, the analyzers check the output layer and the loss against it.</summary>
    public LearningTask Task { get; set; }

    /// <summary>Number of classes of a <see cref="LearningTask.Multiclass"/> task. Optional: 0 (the default) means not declared.</summary>
    public int Classes { get; set; }

    /// <summary>How the input features are scaled before training. Optional, for the analyzers.</summary>
    public Scaling InputScaling { get; set; }

    /// <summary>How the targets of a <see cref="LearningTask.Regression"/> task are scaled. Optional, for the analyzers.</summary>
    public Scaling TargetScaling { get; set; }

    // The training settings below describe how the network is meant to be trained: the analyzers
    // check them, and Fit without TrainingOptions trains as they say (ITrainableNetwork.DeclaredTraining).
    // A value left unwritten is not declared and not checked; explicit TrainingOptions replace them all.

    /// <summary>Passes over the training data the network is meant to train for. Optional: not written means not declared.</summary>
    public int Epochs { get; set; }

    /// <summary>Samples per gradient step the network is meant to train with. Optional: not written means not declared.</summary>
    public int BatchSize { get; set; }

    /// <summary>Fraction of the training data held out for validation. Optional: not written means not declared.</summary>
    public float ValidationSplit { get; set; }

    /// <summary>Epochs without improvement before early stopping. Optional: not written means no early stopping is declared.</summary>
    public int EarlyStoppingPatience { get; set; }

    /// <summary>Series early stopping monitors, such as <c>"loss"</c> or <c>"val_loss"</c>. Optional: null or empty means not declared.</summary>
    public string? EarlyStoppingMonitor { get; set; }

    /// <summary>Global L2 norm the gradient is clipped to before each step. Optional: not written means not declared.</summary>
    public float ClipNorm { get; set; }

    /// <summary>Bound every gradient value is clamped to before each step. Optional: not written means not declared.</summary>
    public float ClipValue { get; set; }

    /// <summary>
    /// A weights file compiled into the assembly: the path (or its end) of an <c>AdditionalFiles</c> item of
    /// the project, in NeuralDsl's weights JSON (written by <c>ExportWeightsJson</c>) or RTNeural's JSON model
    /// format. The network is then inference-only (an <see cref="IPredictor"/> without <c>Loss</c>): it
    /// predicts from read-only data in the assembly image, with no file I/O at run time. The file is
    /// checked against the declaration when compiling. Optional: null means the weights are set at run time.
    /// </summary>
    public string? Weights { get; set; }
}
