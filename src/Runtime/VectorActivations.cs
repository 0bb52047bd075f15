using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl;

/// <summary>
/// An activation that kernels apply in registers, before the store, for eight values at a time or one.
/// Kernels take it as a struct type argument, so each activation gets its own compiled, inlined kernel.
/// Both forms must give the values the activation's span function gives for the same elements.
/// </summary>
public interface IVectorActivation
{
    /// <summary>The activation of eight pre-activations.</summary>
    Vector256<float> Apply(Vector256<float> z);

    /// <summary>The activation of one pre-activation.</summary>
    float Apply(float z);
}

/// <summary>The identity: the kernel stores the pre-activation.</summary>
public readonly struct LinearActivation : IVectorActivation
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Apply(Vector256<float> z) => z;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float z) => z;
}

/// <summary>Tanh, as <see cref="Activations.Tanh(System.ReadOnlySpan{float}, System.Span{float})"/>.</summary>
public readonly struct TanhActivation : IVectorActivation
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Apply(Vector256<float> z) => Activations.Tanh(z);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float z) => Activations.Tanh(z);
}

/// <summary>ReLU, as <see cref="Activations.ReLU(System.ReadOnlySpan{float}, System.Span{float})"/>.</summary>
public readonly struct ReLUActivation : IVectorActivation
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Apply(Vector256<float> z) => Activations.ReLU(z);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float z) => Activations.ReLU(z);
}
