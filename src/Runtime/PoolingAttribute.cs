namespace NeuralDsl;

/// <summary>
/// What the max and average pooling layers share: a square window, its strides and padding. Channels
/// pass through; the layer has no parameters.
/// </summary>
public abstract class PoolingAttribute : LayerAttribute
{
    /// <summary>Creates a pooling layer.</summary>
    /// <param name="poolSize">Side of the window, at least 1.</param>
    private protected PoolingAttribute(int poolSize) => PoolSize = poolSize;

    /// <summary>Side of the square window (Keras' <c>pool_size</c>).</summary>
    public int PoolSize { get; }

    /// <summary>Step of the window, at least 1; 0 (the default) means <see cref="PoolSize"/>, as in Keras.</summary>
    public int Strides { get; set; }

    /// <summary>Border handling. Default <see cref="NeuralDsl.Padding.Valid"/>.</summary>
    public Padding Padding { get; set; }
}

/// <summary>Maximum over each window of an image, per channel (Keras' <c>MaxPooling2D</c>).</summary>
/// <example><code>[MaxPool2D(2)]   // (28, 28, 16) -> (14, 14, 16)</code></example>
public sealed class MaxPool2DAttribute : PoolingAttribute
{
    /// <summary>Creates a 2-D max pooling layer.</summary>
    /// <param name="poolSize">Side of the square window, at least 1.</param>
    public MaxPool2DAttribute(int poolSize) : base(poolSize)
    {
    }
}

/// <summary>Mean over each window of an image, per channel (Keras' <c>AveragePooling2D</c>); padded positions are not counted.</summary>
/// <example><code>[AveragePool2D(2)]   // (28, 28, 16) -> (14, 14, 16)</code></example>
public sealed class AveragePool2DAttribute : PoolingAttribute
{
    /// <summary>Creates a 2-D average pooling layer.</summary>
    /// <param name="poolSize">Side of the square window, at least 1.</param>
    public AveragePool2DAttribute(int poolSize) : base(poolSize)
    {
    }
}

/// <summary>Maximum over each window of steps of a sequence, per feature (Keras' <c>MaxPooling1D</c>).</summary>
/// <example><code>[MaxPool1D(2)]   // (100, 8) -> (50, 8)</code></example>
public sealed class MaxPool1DAttribute : PoolingAttribute
{
    /// <summary>Creates a 1-D max pooling layer.</summary>
    /// <param name="poolSize">Steps in the window, at least 1.</param>
    public MaxPool1DAttribute(int poolSize) : base(poolSize)
    {
    }
}

/// <summary>Mean over each window of steps of a sequence, per feature (Keras' <c>AveragePooling1D</c>).</summary>
/// <example><code>[AveragePool1D(2)]   // (100, 8) -> (50, 8)</code></example>
public sealed class AveragePool1DAttribute : PoolingAttribute
{
    /// <summary>Creates a 1-D average pooling layer.</summary>
    /// <param name="poolSize">Steps in the window, at least 1.</param>
    public AveragePool1DAttribute(int poolSize) : base(poolSize)
    {
    }
}
