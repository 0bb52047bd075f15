namespace NeuralDsl;

/// <summary>Mean of each channel over the whole image: (height, width, channels) -> (channels), like Keras' <c>GlobalAveragePooling2D</c>.</summary>
/// <example><code>[GlobalAveragePooling2D]   // (7, 7, 32) -> (32)</code></example>
public sealed class GlobalAveragePooling2DAttribute : LayerAttribute
{
}

/// <summary>Mean of each feature over all steps: (steps, features) -> (features), like Keras' <c>GlobalAveragePooling1D</c>.</summary>
/// <example><code>[GlobalAveragePooling1D]   // (100, 8) -> (8)</code></example>
public sealed class GlobalAveragePooling1DAttribute : LayerAttribute
{
}
