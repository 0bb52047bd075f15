namespace NeuralDsl;

/// <summary>
/// The shape of one sample, channels-last like Keras: a vector of <see cref="Channels"/> values, a
/// sequence of <see cref="Steps"/> x <see cref="Features"/>, or an image of
/// <see cref="Height"/> x <see cref="Width"/> x <see cref="Channels"/>. Values are stored row-major,
/// the channel fastest: an image's value (y, x, c) is at <c>(y * Width + x) * Channels + c</c>.
/// </summary>
/// <remarks>
/// A vector is held as 1 x 1 x n and a sequence as 1 x steps x features, so 1-D layers are the 2-D ones
/// with height 1 and every shape has the same three extents.
/// </remarks>
/// <example>
/// <code>
/// TensorShape image = TensorShape.Image(28, 28, 1);   // image.Size == 784, image.ToString() == "(28, 28, 1)"
/// </code>
/// </example>
public readonly record struct TensorShape
{
    private TensorShape(int rank, int height, int width, int channels)
    {
        Rank = rank;
        Height = height;
        Width = width;
        Channels = channels;
    }

    /// <summary>A vector of <paramref name="size"/> values.</summary>
    public static TensorShape Vector(int size) => new(1, 1, 1, size);

    /// <summary>A sequence of <paramref name="steps"/> steps of <paramref name="features"/> values each.</summary>
    public static TensorShape Sequence(int steps, int features) => new(2, 1, steps, features);

    /// <summary>An image of <paramref name="height"/> x <paramref name="width"/> pixels of <paramref name="channels"/> values each.</summary>
    public static TensorShape Image(int height, int width, int channels) => new(3, height, width, channels);

    /// <summary>Axes of the shape without the batch axis: 1 for a vector, 2 for a sequence, 3 for an image.</summary>
    public int Rank { get; }

    /// <summary>Rows of an image; 1 for vectors and sequences.</summary>
    public int Height { get; }

    /// <summary>Columns of an image, or steps of a sequence; 1 for vectors.</summary>
    public int Width { get; }

    /// <summary>Values per position: an image's channels, a sequence's features, a vector's length.</summary>
    public int Channels { get; }

    /// <summary>Steps of a sequence (the same as <see cref="Width"/>).</summary>
    public int Steps => Width;

    /// <summary>Features per step of a sequence (the same as <see cref="Channels"/>).</summary>
    public int Features => Channels;

    /// <summary>Values per sample: the product of the extents.</summary>
    public int Size => Height * Width * Channels;

    /// <summary>The extents in Keras' order without the batch axis: [n], [steps, features] or [height, width, channels].</summary>
    public int[] ToArray() => Rank switch
    {
        1 => [Channels],
        2 => [Width, Channels],
        _ => [Height, Width, Channels],
    };

    /// <summary>Keras' notation without the batch axis: <c>(28, 28, 1)</c>, <c>(100, 8)</c>, <c>(10)</c>.</summary>
    public override string ToString() => "(" + string.Join(", ", ToArray()) + ")";
}
