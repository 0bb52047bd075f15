using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>Emits an activation's forward and backward statements for one layer.</summary>
internal static class ActivationEmitter
{
    private const string Activations = "global::NeuralDsl.Activations";

    /// <summary>
    /// Writes <c>a = f(z)</c>. Linear layers share one span for <c>z</c> and <c>a</c>, so they emit
    /// nothing; every call site passes the same span twice for them.
    /// </summary>
    public static void EmitForward(SourceWriter writer, LayerModel layer, string z, string a, bool exact = false)
    {
        switch (layer.Activation)
        {
            case ActivationKind.Linear:
                return;
            case ActivationKind.Tanh or ActivationKind.Sigmoid when exact:
                Elementwise.Emit(writer, layer, j => $"{a}[{j}] = {ScalarForward(layer, $"{z}[{j}]", j)};");
                return;
            case ActivationKind.Softmax:
            case ActivationKind.Tanh:
            case ActivationKind.Sigmoid:
            case ActivationKind.ReLU when layer.Units >= 8:
                // Whole-span kernels, eight units per vector; a ReLU of a few units is cheaper inline.
                writer.WriteLine($"{Activations}.{layer.Activation}({z}, {a});");
                return;
            default:
                Elementwise.Emit(writer, layer, j => $"{a}[{j}] = {ScalarForward(layer, $"{z}[{j}]", j)};");
                return;
        }
    }

    /// <summary>
    /// The activation of eight pre-activations held in a <c>Vector256</c> expression <paramref name="v"/>,
    /// giving the same values as <see cref="EmitForward"/> gives for those units; null when the
    /// activation has no vector form (or must be the exact scalar function).
    /// </summary>
    public static string? VectorForward(LayerModel layer, string v, bool exact) =>
        VectorForm(layer, exact) is (string function, _) ? $"{Activations}.{function}({v})" : null;

    /// <summary>The runtime's <c>IVectorActivation</c> struct that kernels apply before the store; null exactly when <see cref="VectorForward"/> is.</summary>
    public static string? VectorActivationType(LayerModel layer, bool exact) =>
        VectorForm(layer, exact) is (_, string type) ? $"global::NeuralDsl.{type}" : null;

    // The activations with a vector form: the Activations method and the IVectorActivation struct that wraps it.
    private static (string Function, string Type)? VectorForm(LayerModel layer, bool exact) => layer.Activation switch
    {
        ActivationKind.Tanh when !exact => ("Tanh", "TanhActivation"),
        ActivationKind.ReLU => ("ReLU", "ReLUActivation"),
        _ => null,
    };

    /// <summary>The activation of one pre-activation <paramref name="z"/> of unit <paramref name="j"/> (a literal or a variable).</summary>
    public static string ScalarForward(LayerModel layer, string z, string j) => layer.Activation switch
    {
        ActivationKind.Sigmoid => $"{Activations}.Sigmoid({z})",
        ActivationKind.Tanh => $"{Activations}.Tanh({z})",
        ActivationKind.ReLU => $"{Activations}.ReLU({z})",
        ActivationKind.LeakyReLU => $"{Activations}.LeakyReLU({z}, {Literals.Float(layer.Alpha)})",
        ActivationKind.ELU => $"{Activations}.ELU({z}, {Literals.Float(layer.Alpha)})",
        ActivationKind.SELU => $"{Activations}.SELU({z})",
        ActivationKind.Softplus => $"{Activations}.Softplus({z})",
        ActivationKind.PReLU => $"{Activations}.PReLU({z}, p[{Offset(layer.SlopeOffset, j)}])",
        ActivationKind.Step => $"{Activations}.Step({z})",
        _ => z,
    };

    /// <summary>
    /// Turns the gradient with respect to the layer's output, held in <paramref name="d"/>, into the
    /// gradient with respect to its pre-activation, in place. PReLU also accumulates its slopes' gradient.
    /// </summary>
    public static void EmitBackward(SourceWriter writer, LayerModel layer, string z, string a, string d)
    {
        switch (layer.Activation)
        {
            case ActivationKind.Linear:
                return;
            case ActivationKind.Softmax:
                writer.WriteLine($"{Activations}.SoftmaxBackward({a}, {d}, {d});");
                return;
            case ActivationKind.PReLU:
                Elementwise.Emit(writer, layer, j => $"""
                    g[{Offset(layer.SlopeOffset, j)}] += {z}[{j}] > 0f ? 0f : {d}[{j}] * {z}[{j}];
                    {d}[{j}] *= {z}[{j}] > 0f ? 1f : p[{Offset(layer.SlopeOffset, j)}];
                    """);
                return;
            default:
                Elementwise.Emit(writer, layer, j => $"{d}[{j}] *= {DerivativeExpression(layer, $"{z}[{j}]", $"{a}[{j}]")};");
                return;
        }
    }

    private static string DerivativeExpression(LayerModel layer, string z, string a) => layer.Activation switch
    {
        ActivationKind.Sigmoid => $"{Activations}.SigmoidDerivative({a})",
        ActivationKind.Tanh => $"{Activations}.TanhDerivative({a})",
        ActivationKind.ReLU => $"{Activations}.ReLUDerivative({z})",
        ActivationKind.LeakyReLU => $"{Activations}.LeakyReLUDerivative({z}, {Literals.Float(layer.Alpha)})",
        ActivationKind.ELU => $"{Activations}.ELUDerivative({z}, {a}, {Literals.Float(layer.Alpha)})",
        ActivationKind.SELU => $"{Activations}.SELUDerivative({z}, {a})",
        ActivationKind.Softplus => $"{Activations}.SoftplusDerivative({z})",
        _ => "1f",
    };

    /// <summary>An index expression <c>offset + j</c>, folded to one literal when <paramref name="j"/> is a literal.</summary>
    public static string Offset(int offset, string j) =>
        int.TryParse(j, out int literal) ? Literals.Int(offset + literal) : offset == 0 ? j : $"{Literals.Int(offset)} + {j}";
}
