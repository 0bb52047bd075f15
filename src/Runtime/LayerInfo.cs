namespace NeuralDsl;

/// <summary>Kinds of layer a network can contain.</summary>
public enum LayerKind
{
    /// <summary>Fully connected layer (<see cref="DenseAttribute"/>).</summary>
    Dense = 0,

    /// <summary>Inverted dropout (<see cref="DropoutAttribute"/>); no parameters.</summary>
    Dropout = 1,

    /// <summary>Batch normalisation (<see cref="BatchNormalizationAttribute"/>): gamma and beta parameters, running mean and variance in the state, one of each per channel (a vector's every value is a channel).</summary>
    BatchNormalization = 2,

    /// <summary>A stand-alone activation (<see cref="ActivationAttribute"/>); no parameters.</summary>
    Activation = 3,

    /// <summary>2-D convolution (<see cref="Conv2DAttribute"/>): kernel [kh, kw, in channels, filters], then biases.</summary>
    Conv2D = 4,

    /// <summary>2-D max pooling (<see cref="MaxPool2DAttribute"/>); no parameters.</summary>
    MaxPool2D = 5,

    /// <summary>2-D average pooling (<see cref="AveragePool2DAttribute"/>); no parameters.</summary>
    AveragePool2D = 6,

    /// <summary>Mean of each channel over an image (<see cref="GlobalAveragePooling2DAttribute"/>); no parameters.</summary>
    GlobalAveragePooling2D = 7,

    /// <summary>Reshape to a vector (<see cref="FlattenAttribute"/>); no parameters.</summary>
    Flatten = 8,

    /// <summary>1-D convolution (<see cref="Conv1DAttribute"/>): kernel [1, k, in features, filters], then biases.</summary>
    Conv1D = 9,

    /// <summary>1-D max pooling (<see cref="MaxPool1DAttribute"/>); no parameters.</summary>
    MaxPool1D = 10,

    /// <summary>1-D average pooling (<see cref="AveragePool1DAttribute"/>); no parameters.</summary>
    AveragePool1D = 11,

    /// <summary>Mean of each feature over a sequence (<see cref="GlobalAveragePooling1DAttribute"/>); no parameters.</summary>
    GlobalAveragePooling1D = 12,

    /// <summary>Fully connected recurrent layer (<see cref="SimpleRNNAttribute"/>): per direction kernel, recurrent kernel, bias.</summary>
    SimpleRNN = 13,

    /// <summary>Long short-term memory (<see cref="LSTMAttribute"/>): per direction kernel, recurrent kernel, bias; gates i, f, g, o.</summary>
    LSTM = 14,

    /// <summary>Gated recurrent unit (<see cref="GRUAttribute"/>): per direction kernel, recurrent kernel, bias; gates z, r, h.</summary>
    GRU = 15,

    /// <summary>Token lookup table (<see cref="EmbeddingAttribute"/>): [vocabulary, values per token].</summary>
    Embedding = 16,
}

/// <summary>
/// One layer of a generated network, as the generator laid it out: its shape, activation and where its
/// parameters sit in the flat parameter span.
/// </summary>
/// <param name="Kind">The layer kind.</param>
/// <param name="Inputs">Values the layer reads per sample.</param>
/// <param name="Units">Values the layer writes per sample.</param>
/// <param name="Activation">The activation applied to the layer's output.</param>
/// <param name="Alpha">The activation's parameter (LeakyReLU/ELU slope or scale, PReLU initial slope); 0 when unused.</param>
/// <param name="ParameterOffset">Index of the layer's first parameter in the flat span.</param>
/// <param name="ParameterCount">Number of parameters of the layer.</param>
public sealed record LayerInfo(LayerKind Kind, int Inputs, int Units, Activation Activation, float Alpha, int ParameterOffset, int ParameterCount)
{
    /// <summary>Whether a Dense layer has biases.</summary>
    public bool UseBias { get; init; } = true;

    /// <summary>Dropout rate (Dropout layers).</summary>
    public float Rate { get; init; }

    /// <summary>Running-statistics momentum (BatchNormalization layers).</summary>
    public float Momentum { get; init; }

    /// <summary>Variance epsilon (BatchNormalization layers).</summary>
    public float Epsilon { get; init; }

    /// <summary>Index of the layer's first value in the network's state (BatchNormalization: running means, then running variances, one per channel).</summary>
    public int StateOffset { get; init; }

    /// <summary>Number of state values of the layer.</summary>
    public int StateCount { get; init; }

    /// <summary>The shape of one sample the layer reads; a vector of <see cref="Inputs"/> values unless the generator gave another.</summary>
    public TensorShape InputShape
    {
        get => _inputShape.Rank == 0 ? TensorShape.Vector(Inputs) : _inputShape;
        init => _inputShape = value == TensorShape.Vector(Inputs) ? default : value;
    }

    /// <summary>The shape of one sample the layer writes (Keras' <c>output_shape</c> without the batch axis); a vector of <see cref="Units"/> values unless the generator gave another.</summary>
    public TensorShape OutputShape
    {
        get => _outputShape.Rank == 0 ? TensorShape.Vector(Units) : _outputShape;
        init => _outputShape = value == TensorShape.Vector(Units) ? default : value;
    }

    // Default (rank 0) stands for the vector, so that equal layers compare equal however they were built.
    private readonly TensorShape _inputShape;
    private readonly TensorShape _outputShape;

    /// <summary>Side of the window of a convolution or pooling layer (1-D: steps); 0 for other kinds.</summary>
    public int KernelSize { get; init; }

    /// <summary>Step of the window of a convolution or pooling layer; 0 for other kinds.</summary>
    public int Strides { get; init; }

    /// <summary>Border handling of a convolution or pooling layer.</summary>
    public Padding Padding { get; init; }

    /// <summary>Whether a recurrent layer outputs every step (steps, units) rather than the last (units).</summary>
    public bool ReturnSequences { get; init; }

    /// <summary>Whether a recurrent layer runs both ways, its outputs concatenated forward then backward, its parameters the forward direction's then the backward's.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>Whether a GRU applies its reset gate after the recurrent product (two bias rows); see <see cref="GRUAttribute.ResetAfter"/>.</summary>
    public bool ResetAfter { get; init; }

    /// <summary>A recurrent layer's units per direction (its hidden state's size); 0 for other kinds.</summary>
    public int RecurrentUnits => IsRecurrent ? OutputShape.Channels / (Bidirectional ? 2 : 1) : 0;

    /// <summary>Whether the layer is a SimpleRNN, LSTM or GRU.</summary>
    public bool IsRecurrent => Kind is LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU;

    /// <summary>A recurrent layer's gates: 1 (SimpleRNN), 4 (LSTM), 3 (GRU); 0 for other kinds.</summary>
    public int Gates => Kind switch { LayerKind.SimpleRNN => 1, LayerKind.LSTM => 4, LayerKind.GRU => 3, _ => 0 };

    /// <summary>Parameters of one direction of a recurrent layer: kernel, recurrent kernel, bias; 0 for other kinds.</summary>
    public int DirectionParameterCount => IsRecurrent ? ParameterCount / (Bidirectional ? 2 : 1) : 0;

    /// <summary>Index of the forward direction's recurrent kernel, [units, gates x units], after the kernel [features, gates x units] (recurrent layers).</summary>
    public int RecurrentKernelOffset => ParameterOffset + InputShape.Channels * Gates * RecurrentUnits;

    /// <summary>Index of the first weight (Dense: input-major [Inputs, Units], Keras' kernel layout; convolution: [kh, kw, in channels, filters]; BatchNormalization: gamma; recurrent: the forward direction's kernel [features, gates x units]; Embedding: the table [vocabulary, values per token]).</summary>
    public int WeightOffset => ParameterOffset;

    /// <summary>Index of the first bias (Dense, convolution; BatchNormalization: beta, after one gamma per channel of <see cref="OutputShape"/>; a recurrent layer: its forward direction's bias, [gates x units] or a GRU's [2, 3 x units] with <see cref="ResetAfter"/>).</summary>
    public int BiasOffset => Kind switch
    {
        LayerKind.BatchNormalization => ParameterOffset + OutputShape.Channels,
        LayerKind.Conv2D or LayerKind.Conv1D => ParameterOffset + KernelWeights,
        LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU => RecurrentKernelOffset + RecurrentUnits * Gates * RecurrentUnits,
        LayerKind.Embedding => ParameterOffset + ParameterCount,
        _ => ParameterOffset + Inputs * Units,
    };

    // Keras' count for a convolution: kh * kw * in channels * filters (kh = 1 for Conv1D).
    private int KernelWeights => (Kind == LayerKind.Conv2D ? KernelSize * KernelSize : KernelSize) * InputShape.Channels * OutputShape.Channels;

    /// <summary>Index of the first PReLU slope (meaningful for <see cref="NeuralDsl.Activation.PReLU"/> only).</summary>
    public int SlopeOffset => ParameterOffset + ParameterCount - Units;
}
