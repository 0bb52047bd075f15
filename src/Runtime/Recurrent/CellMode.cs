namespace NeuralDsl.Recurrent;

/// <summary>
/// How a recurrent cell's step is used, as a type argument so that the JIT compiles each use on its own,
/// with no branch and no value kept alive for the other: <see cref="Streaming"/> keeps nothing and always
/// starts from a state; <see cref="Caching"/> keeps what the backward pass reads, and its first step
/// starts from nothing (an empty previous state).
/// </summary>
internal interface ICellMode;

/// <summary>A streaming step: nothing kept, a previous state always given.</summary>
internal readonly struct Streaming : ICellMode;

/// <summary>A step of a forward pass over a sequence, keeping the gates for backpropagation through time.</summary>
internal readonly struct Caching : ICellMode;
