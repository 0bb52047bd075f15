namespace NeuralDsl.Tools.Data;

/// <summary>Images read from an IDX file: <see cref="Count"/> images of <see cref="Rows"/> x <see cref="Columns"/> pixels.</summary>
public sealed class IdxImages
{
    internal IdxImages(int count, int rows, int columns, float[] pixels)
    {
        Count = count;
        Rows = rows;
        Columns = columns;
        Pixels = pixels;
    }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>Pixel rows per image.</summary>
    public int Rows { get; }

    /// <summary>Pixel columns per image.</summary>
    public int Columns { get; }

    /// <summary>Pixels per image: <see cref="Rows"/> x <see cref="Columns"/>, the length of one feature row.</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>
    /// Every pixel, byte value / 255 so in [0, 1]; image after image, each row by row (as the file stores
    /// them), so image <c>i</c> is the slice starting at <c>i * PixelsPerImage</c>.
    /// </summary>
    public float[] Pixels { get; }
}
