namespace NeuralDsl;

/// <summary>Kinds of layer a network can contain.</summary>
public enum LayerKind
{
    /// <summary>Fully connected layer (<see cref="DenseAttribute"/>).</summary>
    Dense = 0,
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
    /// <summary>Index of the first weight (row-major [Units, Inputs]).</summary>
    public int WeightOffset => ParameterOffset;

    /// <summary>Index of the first bias.</summary>
    public int BiasOffset => ParameterOffset + Inputs * Units;

    /// <summary>Index of the first PReLU slope (meaningful for <see cref="NeuralDsl.Activation.PReLU"/> only).</summary>
    public int SlopeOffset => BiasOffset + Units;
}
