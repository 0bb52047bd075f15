namespace NeuralDsl;

/// <summary>
/// How the features or the targets are scaled before they reach the network, as declared on
/// <see cref="NetworkAttribute.InputScaling"/> and <see cref="NetworkAttribute.TargetScaling"/>. The
/// analyzers compare it with the network's design (an unscaled input, an output range that cannot
/// cover the targets); it does not change the generated code, which never scales anything itself.
/// </summary>
/// <remarks>
/// The numeric values are part of the contract with the source generator; never renumber them.
/// </remarks>
public enum Scaling
{
    /// <summary>Not declared (the default): the scaling-aware checks stay silent.</summary>
    Unspecified = 0,

    /// <summary>Raw values, not scaled at all.</summary>
    None = 1,

    /// <summary>Zero mean and unit variance per feature (<see cref="Data.StandardScaler"/>).</summary>
    Standardized = 2,

    /// <summary>Min-max scaled into [0, 1] (<see cref="Data.MinMaxScaler"/>).</summary>
    MinMax01 = 3,

    /// <summary>Min-max scaled into [-1, 1].</summary>
    MinMax11 = 4,

    /// <summary>Not scaled into a fixed range, but never negative (counts, prices).</summary>
    NonNegative = 5,

    /// <summary>Each sample scaled to unit L2 norm.</summary>
    Unit = 6,
}
