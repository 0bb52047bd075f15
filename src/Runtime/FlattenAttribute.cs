namespace NeuralDsl;

/// <summary>
/// Reshapes an image or a sequence into a vector, in its channels-last row-major order (Keras'
/// <c>Flatten</c> with the default <c>channels_last</c>): no computation, no parameters.
/// </summary>
/// <example><code>[Flatten]   // (7, 7, 32) -> (1568)</code></example>
public sealed class FlattenAttribute : LayerAttribute
{
}
