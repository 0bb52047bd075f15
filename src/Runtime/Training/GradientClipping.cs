using System;
using System.Numerics.Tensors;

namespace NeuralDsl.Training;

/// <summary>Gradient clipping as <c>torch.nn.utils.clip_grad_norm_</c> and <c>clip_grad_value_</c> define it.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales <paramref name="gradients"/> so that its L2 norm is at most <paramref name="maxNorm"/>
    /// (factor <c>maxNorm / (norm + 1e-6)</c> when above). Returns the norm before clipping.
    /// </summary>
    public static float ByGlobalNorm(Span<float> gradients, float maxNorm)
    {
        if (!(maxNorm > 0f)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The maximum norm must be positive.");
#if NET9_0_OR_GREATER
        float norm = TensorPrimitives.Norm(gradients);
#else
        // On .NET 8, TensorPrimitives' sums (Norm, Sum, Dot) allocate 64 to 128 bytes a call
        // (System.Numerics.Tensors 10.0.0, measured with GC.GetAllocatedBytesForCurrentThread); this loop does not.
        float sumOfSquares = 0f;
        for (int i = 0; i < gradients.Length; i++) sumOfSquares += gradients[i] * gradients[i];
        float norm = MathF.Sqrt(sumOfSquares);
#endif
        float factor = maxNorm / (norm + 1e-6f);
        if (factor < 1f) TensorPrimitives.Multiply(gradients, factor, gradients);
        return norm;
    }

    /// <summary>Clamps every gradient to [-<paramref name="maxValue"/>, <paramref name="maxValue"/>].</summary>
    public static void ByValue(Span<float> gradients, float maxValue)
    {
        if (!(maxValue > 0f)) throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "The maximum value must be positive.");
        TensorPrimitives.Clamp(gradients, -maxValue, maxValue, gradients);
    }
}
