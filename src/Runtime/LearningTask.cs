namespace NeuralDsl;

/// <summary>
/// What a network is declared to learn, on <see cref="NetworkAttribute.Task"/>. The analyzers use it to
/// check that the output layer and the loss fit the task; it does not change the generated code.
/// </summary>
/// <remarks>
/// The numeric values are part of the contract with the source generator; never renumber them.
/// </remarks>
public enum LearningTask
{
    /// <summary>Not declared (the default): the task-aware checks stay silent.</summary>
    Unspecified = 0,

    /// <summary>A yes/no answer per sample (one sigmoid unit, or two softmax units).</summary>
    Binary = 1,

    /// <summary>One of several exclusive classes per sample (one softmax unit per class).</summary>
    Multiclass = 2,

    /// <summary>Real-valued targets.</summary>
    Regression = 3,
}
