namespace NeuralDsl;

/// <summary>
/// A layer with a kernel or table of weights and its initialiser: the layers with biases
/// (<see cref="WeightedLayerAttribute"/>) and <see cref="EmbeddingAttribute"/>, whose table is its kernel.
/// </summary>
public abstract class KernelLayerAttribute : LayerAttribute
{
    private protected KernelLayerAttribute()
    {
    }

    /// <summary>
    /// Initialiser of the kernel; <see cref="Init.Default"/> chooses from the activation (Glorot uniform for
    /// the recurrent layers, uniform in [-0.05, 0.05] for an embedding's table, as Keras). Glorot and He read the layer's fans: inputs and units for a dense
    /// layer, window area times channels for a convolution, inputs and gates times units for a recurrent layer.
    /// </summary>
    public Init WeightInit { get; set; }

    /// <summary>Value of every kernel weight for <see cref="Init.Constant"/>.</summary>
    public float WeightValue { get; set; }

    /// <summary>Mean for <see cref="Init.RandomNormal"/>. Default 0.</summary>
    public float WeightMean { get; set; }

    /// <summary>Standard deviation for <see cref="Init.RandomNormal"/>. Default 0.05.</summary>
    public float WeightStdDev { get; set; } = 0.05f;

    /// <summary>Lower bound for <see cref="Init.RandomUniform"/>. Default -0.05.</summary>
    public float WeightMin { get; set; } = -0.05f;

    /// <summary>Upper bound for <see cref="Init.RandomUniform"/>. Default 0.05.</summary>
    public float WeightMax { get; set; } = 0.05f;
}
