namespace NeuralDsl;

/// <summary>How a convolution or pooling window treats the borders of its input (Keras' <c>padding</c>).</summary>
public enum Padding
{
    /// <summary>No padding: the window stays inside the input, so the output has <c>(in - window) / stride + 1</c> positions (rounded down).</summary>
    Valid = 0,

    /// <summary>
    /// TensorFlow's rule: <c>ceil(in / stride)</c> output positions, the input padded with zeros as evenly as
    /// possible, the odd one after (a stride-2, size-2 window on an even input pads nothing; a size-3 window
    /// with stride 2 on 28 pads 0 before and 1 after). Padded positions never win a max pool and are not
    /// counted by an average pool.
    /// </summary>
    Same = 1,
}
