using System;
using System.IO;

namespace NeuralDsl.Weights;

/// <summary>What is wrong with a weights file, as <see cref="WeightsFormatException.Error"/> reports it.</summary>
public enum WeightsError
{
    /// <summary>The file does not start with the <c>.ndw</c> signature.</summary>
    NotAWeightsFile = 0,

    /// <summary>The file ends before the sizes in its header say it should.</summary>
    Truncated = 1,

    /// <summary>The checksum does not match, a field holds an impossible value, or bytes follow the end of the data.</summary>
    Corrupted = 2,

    /// <summary>The file was written in a format version this library does not read.</summary>
    UnsupportedVersion = 3,

    /// <summary>The file is intact but holds the weights of another architecture.</summary>
    ArchitectureMismatch = 4,

    /// <summary>The file's optimiser state was written by another optimiser type or layout than the network's.</summary>
    OptimizerMismatch = 5,

    /// <summary>A safetensors file breaks a rule of the format (header size, JSON, dtype, shape, offsets).</summary>
    InvalidSafetensors = 6,

    /// <summary>A tensor the network needs is not in the safetensors file.</summary>
    MissingTensor = 7,

    /// <summary>The safetensors file holds a tensor the network has no place for.</summary>
    UnexpectedTensor = 8,

    /// <summary>A safetensors tensor has another shape than the network's parameter (a transposed weight included).</summary>
    ShapeMismatch = 9,

    /// <summary>A safetensors tensor has a dtype that cannot hold the network's parameter (an integer or boolean type, for example).</summary>
    UnsupportedDtype = 10,

    /// <summary>A safetensors tensor holds NaN or an infinity.</summary>
    NonFiniteValue = 11,
}

/// <summary>
/// A weights file (<c>.ndw</c> or safetensors) cannot be loaded into the network. Thrown before anything
/// is written: the network's parameters, state and optimiser are exactly as they were. Derives from
/// <see cref="IOException"/> (<see cref="InvalidDataException"/> is sealed), so code that handles a
/// failed read catches it too.
/// </summary>
public sealed class WeightsFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The kind of problem.</param>
    /// <param name="message">What is wrong, naming the section, tensor or architectures concerned.</param>
    public WeightsFormatException(WeightsError error, string message) : base(message) => Error = error;

    /// <summary>Creates the exception with the exception that revealed the problem.</summary>
    /// <param name="error">The kind of problem.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying exception (a JSON or UTF-8 decoding error, for example).</param>
    public WeightsFormatException(WeightsError error, string message, Exception innerException) : base(message, innerException) => Error = error;

    /// <summary>The kind of problem.</summary>
    public WeightsError Error { get; }
}
