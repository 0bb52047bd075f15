namespace NeuralDsl;

/// <summary>
/// How a layer's weights or biases are initialised. <c>fanIn</c> is the layer's input size and
/// <c>fanOut</c> its number of units. The truncated normals follow Keras: drawn from a normal,
/// redrawn beyond two standard deviations, with the standard deviation corrected so that the
/// result has the stated variance.
/// </summary>
/// <remarks>
/// The numeric values are part of the contract with the source generator; never renumber them.
/// </remarks>
public enum Init
{
    /// <summary>
    /// Chosen from the activation: <see cref="HeUniform"/> for the ReLU family, <see cref="LeCunNormal"/>
    /// for SELU, <see cref="GlorotUniform"/> otherwise. Biases default to <see cref="Zeros"/>.
    /// </summary>
    Default = 0,

    /// <summary>All zeros.</summary>
    Zeros = 1,

    /// <summary>All ones.</summary>
    Ones = 2,

    /// <summary>Every value equal to <c>Value</c>.</summary>
    Constant = 3,

    /// <summary>Normal with <c>Mean</c> and <c>StdDev</c> (defaults 0 and 0.05, as in Keras).</summary>
    RandomNormal = 4,

    /// <summary>Uniform on [<c>Min</c>, <c>Max</c>) (defaults -0.05 and 0.05, as in Keras).</summary>
    RandomUniform = 5,

    /// <summary>Truncated normal with variance <c>2 / (fanIn + fanOut)</c> (Glorot and Bengio, 2010).</summary>
    GlorotNormal = 6,

    /// <summary>Uniform on ±<c>sqrt(6 / (fanIn + fanOut))</c> (Glorot and Bengio, 2010).</summary>
    GlorotUniform = 7,

    /// <summary>Truncated normal with variance <c>2 / fanIn</c> (He et al., 2015).</summary>
    HeNormal = 8,

    /// <summary>Uniform on ±<c>sqrt(6 / fanIn)</c> (He et al., 2015).</summary>
    HeUniform = 9,

    /// <summary>Truncated normal with variance <c>1 / fanIn</c> (LeCun et al., 1998).</summary>
    LeCunNormal = 10,

    /// <summary>Uniform on ±<c>sqrt(3 / fanIn)</c> (LeCun et al., 1998).</summary>
    LeCunUniform = 11,

    /// <summary>
    /// A random orthogonal matrix (Saxe et al., 2014; Keras' <c>Orthogonal</c> with gain 1): the kernel read
    /// as [rows, last axis] (rows = fan-in) has orthonormal columns, or orthonormal rows when it is wider
    /// than tall. The default of a recurrent kernel.
    /// </summary>
    Orthogonal = 12,
}
