using System;
using NeuralDsl;

namespace Samples.EmbeddedAot;

/// <summary>
/// The digits classifier trained by Train/ (64 pixels, 32 ReLU units, 10 classes), with the exported
/// weights compiled into the assembly: no file to ship or open, nothing to allocate.
/// </summary>
[Network(Inputs = 64, Weights = "digits.weights.json")]
[Dense(32, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class EmbeddedDigits;

public static class Program
{
    /// <summary>Pixels are 0 to 16; the network was trained on them divided by 16.</summary>
    private const float PixelScale = 16f;

    /// <summary>How far a probability may be from the trainer's: the same code, but another compiler (AOT) may contract operations differently.</summary>
    private const float Tolerance = 1e-5f;

    public static int Main()
    {
        var net = new EmbeddedDigits();
        Span<float> pixels = stackalloc float[EmbeddedDigits.InputSize];
        Span<float> probabilities = stackalloc float[EmbeddedDigits.OutputSize];
        int count = TestDigits.Labels.Length, correct = 0, differing = 0;
        for (int n = 0; n < count; n++)
        {
            ReadOnlySpan<byte> image = TestDigits.Pixels.Slice(n * EmbeddedDigits.InputSize, EmbeddedDigits.InputSize);
            for (int i = 0; i < pixels.Length; i++) pixels[i] = image[i] / PixelScale;
            net.Predict(pixels, probabilities);
            int predicted = ArgMax(probabilities);
            bool asTrained = predicted == TestDigits.Predicted[n] && MathF.Abs(probabilities[predicted] - TestDigits.Probability[n]) <= Tolerance;
            if (predicted == TestDigits.Labels[n]) correct++;
            if (!asTrained) differing++;
            Console.WriteLine($"{Sketch(image)}  digit {TestDigits.Labels[n]}: predicted {predicted} ({probabilities[predicted]:P1}){(asTrained ? "" : $"  DIFFERS from the trained network ({TestDigits.Predicted[n]}, {TestDigits.Probability[n]:P1})")}");
        }
        Console.WriteLine($"{correct} of {count} held-out digits classified correctly; {count - differing} of {count} exactly as the trained network did.");
        bool streamed = LstmStream.Run();
        return differing == 0 && streamed ? 0 : 1;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }
        return best;
    }

    /// <summary>The middle rows of the image as one line of shades, to recognise the digit in the output.</summary>
    private static string Sketch(ReadOnlySpan<byte> image)
    {
        const string shades = " .:+#";
        Span<char> line = stackalloc char[8 * 4 + 3];
        int k = 0;
        for (int row = 2; row < 6; row++)
        {
            if (row > 2) line[k++] = '|';
            for (int column = 0; column < 8; column++) line[k++] = shades[image[row * 8 + column] * (shades.Length - 1) / 16];
        }
        return new string(line[..k]);
    }
}
