namespace NeuralDsl;

/// <summary>
/// The non-linearity a layer applies to its pre-activation <c>z</c>. Names follow Keras and PyTorch.
/// </summary>
/// <remarks>
/// The numeric values are part of the contract with the source generator; never renumber them.
/// </remarks>
public enum Activation
{
    /// <summary>Identity: <c>a = z</c>. The default, as in Keras.</summary>
    Linear = 0,

    /// <summary>Logistic sigmoid <c>1 / (1 + e^-z)</c>, range (0, 1).</summary>
    Sigmoid = 1,

    /// <summary>Hyperbolic tangent, range (-1, 1).</summary>
    Tanh = 2,

    /// <summary>Rectified linear unit <c>max(0, z)</c>.</summary>
    ReLU = 3,

    /// <summary><c>z</c> for <c>z &gt; 0</c>, else <c>alpha * z</c> (alpha defaults to 0.01, as in PyTorch).</summary>
    LeakyReLU = 4,

    /// <summary><c>z</c> for <c>z &gt; 0</c>, else <c>alpha * (e^z - 1)</c> (alpha defaults to 1).</summary>
    ELU = 5,

    /// <summary>Scaled ELU with the fixed constants of Klambauer et al. (2017).</summary>
    SELU = 6,

    /// <summary><c>log(1 + e^z)</c>, a smooth ReLU.</summary>
    Softplus = 7,

    /// <summary>Normalised exponential over the layer's units. Output layer only.</summary>
    Softmax = 8,

    /// <summary>Leaky ReLU whose negative slope is learned per unit (initial slope alpha, default 0.25 as in PyTorch).</summary>
    PReLU = 9,

    /// <summary>Heaviside step, 1 for <c>z &gt;= 0</c> else 0: the perceptron's. Not differentiable, so inference only.</summary>
    Step = 10,
}
