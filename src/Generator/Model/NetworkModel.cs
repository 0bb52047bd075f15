using NeuralDsl.Generator.Helpers;

namespace NeuralDsl.Generator.Model;

/// <summary>
/// A validated, fully laid-out network declaration: the cache boundary of the incremental pipeline.
/// Holds only values (no symbols, syntax or locations), so equal declarations give equal models.
/// </summary>
internal sealed record NetworkModel(
    string? Namespace,
    string ClassName,
    Shape Input,
    LossKind Loss,
    OptimizerSpec Optimizer,
    int Seed,
    float HuberDelta,
    EquatableArray<LayerModel> Layers)
{
    /// <summary>Whether the cross-entropy loss applies the sigmoid or softmax to the outputs itself.</summary>
    public bool FromLogits { get; init; }

    /// <summary>Whether tanh and sigmoid use the scalar standard functions rather than the vectorised kernels.</summary>
    public bool ExactActivations { get; init; }

    /// <summary>The declared task and data scaling, which only the analyzers read.</summary>
    public TaskSpec Task { get; init; }

    /// <summary>The declared training settings, which only the analyzers read.</summary>
    public TrainingSpec Training { get; init; }

    /// <summary>The declared weights file to compile in (<c>[Network(Weights = "...")]</c>); null for a network whose weights are set at run time.</summary>
    public string? Weights { get; init; }

    public LayerModel Output => Layers[Layers.Count - 1];

    /// <summary>Values of one input sample (the input shape's flat width).</summary>
    public int Inputs => Input.Size;

    /// <summary>
    /// Index of the layer whose activation the network's outputs have: the last layer that is not a
    /// dropout (dropout passes values through). A batch normalisation there counts as linear.
    /// </summary>
    public int OutputActivationLayer
    {
        get
        {
            int last = Layers.Count - 1;
            while (last > 0 && Layers[last].Kind == LayerKind.Dropout) last--;
            return last;
        }
    }

    /// <summary>The activation of the network's outputs (see <see cref="OutputActivationLayer"/>).</summary>
    public ActivationKind OutputActivation => Layers[OutputActivationLayer].Activation;

    public int OutputSize => Output.Units;

    public int ParameterCount => Output.ParameterOffset + Output.ParameterCount;

    public int StateCount => Output.StateOffset + Output.StateCount;

    public bool IsTrainable => Loss != LossKind.None;

    /// <summary>Values per target sample: one class index for the sparse loss, else one per output.</summary>
    public int TargetSize => Loss == LossKind.SparseCategoricalCrossEntropy ? 1 : OutputSize;

    public string FullName => Namespace is null ? ClassName : Namespace + "." + ClassName;
}

/// <summary>The declared optimiser and its hyperparameters (NaN epsilon or weight decay: the optimiser's default).</summary>
internal readonly record struct OptimizerSpec(
    OptimizerKind Kind, float LearningRate, float Momentum, bool Nesterov, float Beta1, float Beta2, float Epsilon, float WeightDecay);

/// <summary>The declared task, class count and scaling of inputs and targets (Unspecified and 0: not declared).</summary>
internal readonly record struct TaskSpec(LearningTaskKind Kind, int Classes, ScalingKind InputScaling, ScalingKind TargetScaling);

/// <summary>The declared training settings; null where the declaration does not write the property.</summary>
internal readonly record struct TrainingSpec(
    int? Epochs, int? BatchSize, float? ValidationSplit, int? EarlyStoppingPatience, string? EarlyStoppingMonitor, float? ClipNorm, float? ClipValue);

/// <summary>How one parameter group (weights or biases) is initialised: a concrete kind and its two arguments.</summary>
internal readonly record struct InitSpec(InitKind Kind, float First, float Second);

/// <summary>Declared L1/L2 penalties of a dense layer's weights (kernel) and biases.</summary>
internal readonly record struct Penalties(float KernelL1, float KernelL2, float BiasL1, float BiasL2)
{
    public bool OnKernel => KernelL1 != 0f || KernelL2 != 0f;

    public bool OnBias => BiasL1 != 0f || BiasL2 != 0f;
}

/// <summary>
/// One layer with its input and output shapes, resolved activation parameter, initialisers and offsets
/// in the parameter and state spans. Kind-specific values (rate, momentum, epsilon, penalties) are zero
/// where unused.
/// </summary>
internal sealed record LayerModel(
    int Index,
    LayerKind Kind,
    Shape InputShape,
    Shape OutputShape,
    ActivationKind Activation,
    float Alpha,
    InitSpec WeightInit,
    InitSpec BiasInit,
    int ParameterOffset,
    int StateOffset)
{
    /// <summary>Values the layer reads per sample.</summary>
    public int Inputs => InputShape.Size;

    /// <summary>Values the layer writes per sample: the width of its pre-activation, activation and delta.</summary>
    public int Units => OutputShape.Size;

    public bool UseBias { get; init; } = true;

    public float Rate { get; init; }

    public float Momentum { get; init; }

    public float Epsilon { get; init; }

    public Penalties Penalties { get; init; }

    /// <summary>The window of a convolution or pooling layer; default for other kinds.</summary>
    public Window Window { get; init; }

    /// <summary>The settings of a recurrent layer; default for other kinds.</summary>
    public Recurrence Recurrence { get; init; }

    /// <summary>An embedding's vocabulary (its table's rows); 0 for other kinds.</summary>
    public int Vocabulary { get; init; }

    public bool IsConvolution => Kind is LayerKind.Conv2D or LayerKind.Conv1D;

    public bool IsRecurrent => Kind is LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU;

    /// <summary>A recurrent layer's gates: 1 (SimpleRNN), 4 (LSTM), 3 (GRU).</summary>
    public int Gates => Kind switch { LayerKind.SimpleRNN => 1, LayerKind.LSTM => 4, LayerKind.GRU => 3, _ => 0 };

    /// <summary>One direction's recurrent kernel, [units, gates x units], after its kernel.</summary>
    public int RecurrentKernelCount => Recurrence.Units * Gates * Recurrence.Units;

    /// <summary>One direction's parameters: kernel, recurrent kernel, bias (Keras' count).</summary>
    public int DirectionParameterCount => WeightCount + RecurrentKernelCount + BiasCount;

    public bool IsPooling => Kind is LayerKind.MaxPool2D or LayerKind.MaxPool1D or LayerKind.AveragePool2D or LayerKind.AveragePool1D;

    public bool IsGlobalPooling => Kind is LayerKind.GlobalAveragePooling2D or LayerKind.GlobalAveragePooling1D;

    /// <summary>Whether the layer computes a new pre-activation from its input (else it passes values through, in inference at least).</summary>
    public bool HasTransform => Kind is LayerKind.Dense or LayerKind.BatchNormalization or LayerKind.Embedding || IsConvolution || IsPooling || IsGlobalPooling || IsRecurrent;

    /// <summary>Dense weights, a convolution's kernel [kh, kw, in channels, filters] (Keras' count), batch normalisation's gamma, a recurrent layer's kernel [features, gates x units] (one direction), or an embedding's table.</summary>
    public int WeightCount => Kind switch
    {
        LayerKind.Dense => Inputs * Units,
        LayerKind.Conv2D or LayerKind.Conv1D => Window.KernelHeight * Window.KernelWidth * InputShape.Channels * OutputShape.Channels,
        LayerKind.BatchNormalization => NormalizedChannels,
        LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU => InputShape.Channels * Gates * Recurrence.Units,
        LayerKind.Embedding => Vocabulary * OutputShape.Channels,
        _ => 0,
    };

    /// <summary>Dense biases, a convolution's (one per filter), batch normalisation's beta, or a recurrent layer's (one direction; a reset-after GRU's two rows).</summary>
    public int BiasCount => Kind switch
    {
        LayerKind.Dense => UseBias ? Units : 0,
        LayerKind.Conv2D or LayerKind.Conv1D => UseBias ? OutputShape.Channels : 0,
        LayerKind.BatchNormalization => NormalizedChannels,
        LayerKind.GRU when Recurrence.ResetAfter => 6 * Recurrence.Units,
        LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU => Gates * Recurrence.Units,
        _ => 0,
    };

    /// <summary>
    /// The channels batch normalisation keeps statistics and gamma/beta for (Keras' axis -1): an image's
    /// or a sequence's channels, a vector's every value; 0 for other kinds.
    /// </summary>
    public int NormalizedChannels => Kind == LayerKind.BatchNormalization ? InputShape.Channels : 0;

    public int WeightOffset => ParameterOffset;

    public int BiasOffset => ParameterOffset + WeightCount + (IsRecurrent ? RecurrentKernelCount : 0);

    public bool HasSlopes => Activation == ActivationKind.PReLU;

    public int SlopeOffset => BiasOffset + BiasCount;

    public int ParameterCount => IsRecurrent ? Recurrence.Directions * DirectionParameterCount : WeightCount + BiasCount + (HasSlopes ? Units : 0);

    /// <summary>
    /// The parameter ranges the declared penalties apply to, as (offset, count, l1, l2): the kernel and the
    /// biases, each direction's for a bidirectional layer.
    /// </summary>
    public System.Collections.Generic.IEnumerable<(int Offset, int Count, float L1, float L2)> PenaltyRanges()
    {
        int directions = IsRecurrent ? Recurrence.Directions : 1;
        for (int d = 0; d < directions; d++)
        {
            int shift = d * DirectionParameterCount;
            if (Penalties.OnKernel) yield return (WeightOffset + shift, WeightCount, Penalties.KernelL1, Penalties.KernelL2);
            if (Penalties.OnBias && BiasCount > 0) yield return (BiasOffset + shift, BiasCount, Penalties.BiasL1, Penalties.BiasL2);
        }
    }

    /// <summary>Batch normalisation keeps running means then running variances, one per channel.</summary>
    public int StateCount => 2 * NormalizedChannels;
}
