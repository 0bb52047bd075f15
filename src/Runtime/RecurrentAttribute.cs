namespace NeuralDsl;

/// <summary>
/// What <see cref="SimpleRNNAttribute"/>, <see cref="LSTMAttribute"/> and <see cref="GRUAttribute"/> share.
/// A recurrent layer reads a sequence (steps, features) from a zero state and writes its last hidden
/// state (units) or, with <see cref="ReturnSequences"/>, every step's (steps, units). Activations are
/// Keras' defaults: tanh, and sigmoid for the gates. Parameters per direction, in Keras'
/// <c>get_weights()</c> order: kernel [features, gates x units], recurrent kernel [units, gates x units],
/// bias [gates x units] (GRU with <see cref="GRUAttribute.ResetAfter"/>: [2, 3 x units], input bias then
/// recurrent bias); a <see cref="Bidirectional"/> layer holds the forward direction's, then the backward's.
/// </summary>
public abstract class RecurrentAttribute : WeightedLayerAttribute
{
    private protected RecurrentAttribute(int units) => Units = units;

    /// <summary>Units: the size of the hidden state and of each step's output.</summary>
    public int Units { get; }

    /// <summary>Whether the layer outputs every step's hidden state (steps, units), for a recurrent layer stacked on it; else the last (units). Default false.</summary>
    public bool ReturnSequences { get; set; }

    /// <summary>
    /// Whether a second layer reads the sequence backwards and the outputs are concatenated, forward then
    /// backward (Keras' <c>Bidirectional(layer)</c>, <c>merge_mode='concat'</c>): 2 x units per output, twice
    /// the parameters. A bidirectional layer needs the whole sequence, so its network has no streaming <c>Step</c>.
    /// </summary>
    public bool Bidirectional { get; set; }

    /// <summary>Initialiser of the recurrent kernel; <see cref="Init.Default"/> means <see cref="Init.Orthogonal"/>, as in Keras.</summary>
    public Init RecurrentInit { get; set; }
}

/// <summary>
/// A fully connected recurrent layer, like Keras' <c>SimpleRNN</c>: <c>h = tanh(x K + h_prev R + b)</c>.
/// Parameters: units x (features + units + 1).
/// </summary>
/// <example>
/// <code>
/// [Network(InputShape = [20, 3], Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
/// [SimpleRNN(16)]                                                     // (16)
/// [Dense(1)]
/// public partial class Smoother;
/// </code>
/// </example>
public sealed class SimpleRNNAttribute : RecurrentAttribute
{
    /// <summary>Creates a SimpleRNN layer.</summary>
    /// <param name="units">Size of the hidden state, at least 1.</param>
    public SimpleRNNAttribute(int units)
        : base(units)
    {
    }
}

/// <summary>
/// A long short-term memory layer, like Keras' <c>LSTM</c>: gates input, forget, candidate, output in that
/// order; <c>c = f c_prev + i g</c>, <c>h = o tanh(c)</c>. Parameters: 4 x units x (features + units + 1).
/// </summary>
/// <example>
/// <code>
/// [Network(InputShape = [20, 1], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
/// [LSTM(16)]                                                          // (16)
/// [Dense(1)]
/// public partial class Forecaster;   // also streams: forecaster.Step(sample, output) per time step
/// </code>
/// </example>
public sealed class LSTMAttribute : RecurrentAttribute
{
    /// <summary>Creates an LSTM layer.</summary>
    /// <param name="units">Size of the hidden and cell states, at least 1.</param>
    public LSTMAttribute(int units)
        : base(units)
    {
    }

    /// <summary>Whether the forget gate's biases start at 1 instead of the bias initialiser's values (Keras' <c>unit_forget_bias</c>, Jozefowicz et al. 2015). Default true.</summary>
    public bool UnitForgetBias { get; set; } = true;
}

/// <summary>
/// A gated recurrent unit layer, like Keras' <c>GRU</c>: gates update (z), reset (r), candidate in that
/// order; <c>h = z h_prev + (1 - z) candidate</c>. Parameters: 3 x units x (features + units + 2) with
/// <see cref="ResetAfter"/> (Keras' and PyTorch's default), 3 x units x (features + units + 1) without.
/// </summary>
/// <example>
/// <code>
/// [Network(InputShape = [50, 8], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
/// [GRU(32, Bidirectional = true)]                                     // (64)
/// [Dense(4, Activation.Softmax)]
/// public partial class Tagger;
/// </code>
/// </example>
public sealed class GRUAttribute : RecurrentAttribute
{
    /// <summary>Creates a GRU layer.</summary>
    /// <param name="units">Size of the hidden state, at least 1.</param>
    public GRUAttribute(int units)
        : base(units)
    {
    }

    /// <summary>
    /// Whether the reset gate multiplies the recurrent product after it is taken (<c>r * (h_prev R_h + b_rh)</c>,
    /// with a second bias: Keras' default since 2.x and PyTorch's only form) or the previous state before
    /// (<c>(r * h_prev) R_h</c>, the original formulation, ONNX's <c>linear_before_reset = 0</c>). Default true.
    /// </summary>
    public bool ResetAfter { get; set; } = true;
}

/// <summary>
/// A lookup table of token vectors, like Keras' <c>Embedding</c>: the network's input is a vector of
/// <c>steps</c> token ids (whole numbers stored as floats, each in [0, inputDim)), and the layer writes the
/// sequence (steps, outputDim) of their rows. It must be the first layer. Parameters: inputDim x outputDim,
/// drawn uniformly from [-0.05, 0.05] as in Keras unless <see cref="KernelLayerAttribute.WeightInit"/> says otherwise
/// (<see cref="Init.Default"/> means that uniform draw here).
/// </summary>
/// <example>
/// <code>
/// [Network(Inputs = 40, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
/// [Embedding(1000, 16)]                                               // (40, 16)
/// [LSTM(32)]                                                          // (32)
/// [Dense(1, Activation.Sigmoid)]
/// public partial class Sentiment;
/// </code>
/// </example>
public sealed class EmbeddingAttribute : KernelLayerAttribute
{
    /// <summary>Creates an embedding layer.</summary>
    /// <param name="inputDim">Vocabulary size: token ids run from 0 to inputDim - 1. At least 1.</param>
    /// <param name="outputDim">Values per token, at least 1.</param>
    public EmbeddingAttribute(int inputDim, int outputDim)
    {
        InputDim = inputDim;
        OutputDim = outputDim;
    }

    /// <summary>Vocabulary size.</summary>
    public int InputDim { get; }

    /// <summary>Values per token.</summary>
    public int OutputDim { get; }
}
