namespace NeuralDsl.Generator.Model;

/// <summary>
/// The shape of one sample, channels-last: a vector of n values is 1 x 1 x n, a sequence of steps x
/// features is 1 x steps x features, an image is height x width x channels. Every shape is laid out
/// row-major, so its flat width is <see cref="Size"/> and a 1-D layer is the 2-D one with height 1.
/// </summary>
internal readonly record struct Shape(int Rank, int Height, int Width, int Channels)
{
    public static Shape Vector(int size) => new(1, 1, 1, size);

    public static Shape Sequence(int steps, int features) => new(2, 1, steps, features);

    public static Shape Image(int height, int width, int channels) => new(3, height, width, channels);

    /// <summary>Values per sample.</summary>
    public int Size => Height * Width * Channels;

    public bool IsVector => Rank == 1;

    /// <summary>The flat vector of the same values (what Flatten and Dense see).</summary>
    public Shape Flattened => Vector(Size);

    /// <summary>The same rank with other extents, for layers that keep the kind of their input.</summary>
    public Shape With(int height, int width, int channels) => new(Rank, height, width, channels);

    /// <summary>Keras' notation without the batch axis: <c>(28, 28, 1)</c>, <c>(100, 8)</c>, <c>(10)</c>.</summary>
    public override string ToString() => Rank switch
    {
        1 => $"({Channels})",
        2 => $"({Width}, {Channels})",
        _ => $"({Height}, {Width}, {Channels})",
    };
}
