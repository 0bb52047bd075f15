using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Baking;

/// <summary>
/// A declaration together with the parameters and state a weights file gives it, laid out as the
/// generated code reads them: what the generator emits a baked network from. Value-equatable.
/// </summary>
internal sealed record BakedNetwork(NetworkModel Model, string FileName, WeightsFormat Format, EquatableArray<float> Parameters, EquatableArray<float> State);
