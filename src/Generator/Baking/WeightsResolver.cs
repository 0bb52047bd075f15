using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Baking;

/// <summary>
/// From a declaration and the weights files that match its <c>Weights</c> argument to the baked
/// network, or the one problem that prevents it. The generator and the analyzer both decide here.
/// </summary>
internal static class WeightsResolver
{
    public static BakedNetwork? Resolve(NetworkModel model, IReadOnlyList<WeightsFile> matching, out WeightsProblem? problem)
    {
        if (matching.Count == 0)
        {
            problem = new WeightsProblem(WeightsProblemKind.Missing, "");
            return null;
        }
        if (matching.Count > 1)
        {
            string paths = string.Join(", ", matching.Select(f => f.Path).OrderBy(p => p, System.StringComparer.Ordinal));
            problem = new WeightsProblem(WeightsProblemKind.Ambiguous, paths);
            return null;
        }
        return WeightsBinder.Bind(model, matching[0], out problem);
    }
}
