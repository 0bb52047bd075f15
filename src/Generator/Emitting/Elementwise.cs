using System;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>Emits a per-unit statement once per unit (unrolled layers) or as a loop over a constant bound.</summary>
internal static class Elementwise
{
    public static void Emit(SourceWriter writer, LayerModel layer, Func<string, string> statement)
    {
        if (EmitPolicy.IsElementwiseUnrolled(layer))
        {
            for (int j = 0; j < layer.Units; j++) writer.WriteLine(statement(Literals.Int(j)));
            return;
        }
        using (writer.Open($"for (int j = 0; j < {Literals.Int(layer.Units)}; j++)"))
        {
            writer.WriteLine(statement("j"));
        }
    }
}
