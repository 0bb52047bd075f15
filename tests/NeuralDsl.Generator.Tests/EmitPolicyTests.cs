using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeuralDsl.Generator.Emitting;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>Small layers become straight-line code; above <see cref="EmitPolicy.UnrollLimit"/> weights, calls to the vector kernels.</summary>
public class EmitPolicyTests
{
    [Fact]
    public void Limit_is_256_weights() => Assert.Equal(256, EmitPolicy.UnrollLimit);

    [Theory]
    [InlineData(16, 16)]
    [InlineData(256, 1)]
    [InlineData(1, 256)]
    public void Layer_with_at_most_256_weights_is_unrolled(int inputs, int units)
    {
        string source = Generate(inputs, units);

        Assert.Empty(Loops(source, "Forward"));
        Assert.Empty(Loops(source, "ComputeGradients"));
        Assert.DoesNotContain("DenseKernels.Forward", source);
        Assert.DoesNotContain("DenseKernels.AccumulateGradients", source);
    }

    [Theory]
    [InlineData(257, 1)]
    [InlineData(1, 257)]
    [InlineData(17, 16)]
    public void Layer_with_more_than_256_weights_is_looped(int inputs, int units)
    {
        string source = Generate(inputs, units);

        // The kernels get the layer's constant sizes, in the forward pass, over a training batch and backward.
        Assert.Contains($"DenseKernels.Forward(p.Slice(0, {inputs * units})", source);
        Assert.Contains($"DenseKernels.ForwardBatch(p.Slice(0, {inputs * units})", source);
        Assert.Contains("DenseKernels.AccumulateGradientsBatch(", source);
        Assert.DoesNotContain("LoadUnsafe", source);
    }

    [Theory]
    [InlineData(false, "global::NeuralDsl.Activations.Tanh(zr, ar);")]
    [InlineData(true, "ar[0] = global::NeuralDsl.Activations.Tanh(zr[0]);")]
    public void Exact_activations_use_the_scalar_standard_functions(bool exact, string expected)
    {
        string source = GeneratorHarness.RunAndAssertClean($$"""
            using NeuralDsl;

            namespace Samples;

            /// <summary>Tanh then sigmoid.</summary>
            [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, ExactActivations = {{(exact ? "true" : "false")}})]
            [Dense(3, Activation.Tanh)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """).SingleSource;
        Assert.Contains(expected, source);
        Assert.Equal(!exact, source.Contains("Activations.Sigmoid(z1, a1);"));
    }

    private static string Generate(int inputs, int units) =>
        GeneratorHarness.RunAndAssertClean($$"""
            using NeuralDsl;

            namespace Samples;

            /// <summary>One layer of {{inputs * units}} weights.</summary>
            [Network(Inputs = {{inputs}}, Loss = Loss.MeanSquaredError)]
            [Dense({{units}}, Activation.Tanh)]
            public partial class OneLayer;
            """).SingleSource;

    /// <summary>Loops over a layer's units (variable j); training also loops over the batch's rows (n), whatever the size.</summary>
    private static ForStatementSyntax[] Loops(string source, string method) =>
        CSharpSyntaxTree.ParseText(source).GetRoot()
            .DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Single(m => m.Identifier.ValueText == method)
            .DescendantNodes().OfType<ForStatementSyntax>()
            .Where(loop => loop.Declaration?.Variables.Single().Identifier.ValueText == "j")
            .ToArray();
}
