using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NeuralDsl.Generator.Model;
using NeuralDsl.Generator.Parsing;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// The incremental pipeline reuses its work: an unchanged declaration gives an equal model, and an
/// equal model skips the emit. A leaked symbol, syntax node or location would break this.
/// </summary>
public class CachingTests
{
    private const string Network = """
        using NeuralDsl;

        namespace Samples;

        [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
        [Dense(4, Activation.Tanh)]
        [Dense(1, Activation.Sigmoid)]
        public partial class XorNet
        {
        }
        """;

    private static readonly string[] ModelSteps = [TrackingNames.Model, TrackingNames.ValidModel];

    [Fact]
    public void Rerun_on_the_same_compilation_is_fully_cached()
    {
        (CSharpCompilation compilation, GeneratorRun first) = FirstRun();

        GeneratorRun second = GeneratorHarness.Run(compilation, first.Driver);

        AssertModelSteps(second, IncrementalStepRunReason.Cached);
        AssertSourceOutput(second, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Rerun_on_a_clone_reuses_the_model()
    {
        (CSharpCompilation compilation, GeneratorRun first) = FirstRun();

        GeneratorRun second = GeneratorHarness.Run(compilation.Clone(), first.Driver);

        AssertModelSteps(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSourceOutput(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Adding_an_unrelated_file_reuses_the_model()
    {
        (CSharpCompilation compilation, GeneratorRun first) = FirstRun();
        SyntaxTree unrelated = TestCompilation.Parse("namespace Samples; public static class Unrelated { public static int Answer => 42; }", "Unrelated.cs");

        GeneratorRun second = GeneratorHarness.Run(compilation.AddSyntaxTrees(unrelated), first.Driver);

        AssertModelSteps(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSourceOutput(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Trivia_edit_in_the_network_file_reruns_the_parser_but_not_the_emitter()
    {
        (CSharpCompilation compilation, GeneratorRun first) = FirstRun();
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        // Moves every later token, so a model holding a location would compare unequal.
        int insideClass = Network.LastIndexOf('{') + 1;
        SyntaxTree edited = tree.WithChangedText(tree.GetText().Replace(insideClass, 0, "\n    // A comment a user typed."));
        Assert.NotEqual(tree.ToString(), edited.ToString());

        GeneratorRun second = GeneratorHarness.Run(compilation.ReplaceSyntaxTree(tree, edited), first.Driver);

        // The transform reran (its tree changed) and produced an equal model.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Outputs(second, TrackingNames.Model).Single());
        AssertModelSteps(second, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertSourceOutput(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(first.SingleSource, second.SingleSource);
    }

    [Fact]
    public void Real_change_regenerates()
    {
        (CSharpCompilation compilation, GeneratorRun first) = FirstRun();
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Network.Replace("[Dense(4, Activation.Tanh)]", "[Dense(5, Activation.Tanh)]")));

        GeneratorRun second = GeneratorHarness.Run(compilation.ReplaceSyntaxTree(tree, edited), first.Driver);

        Assert.Equal(IncrementalStepRunReason.Modified, Outputs(second, TrackingNames.Model).Single());
        AssertSourceOutput(second, IncrementalStepRunReason.Modified);
        Assert.NotEqual(first.SingleSource, second.SingleSource);
        Assert.Contains("public const int Layer0Units = 5;", second.SingleSource);
    }

    [Fact]
    public void Equivalent_declarations_in_separate_compilations_give_equal_models()
    {
        NetworkModel first = ParseModel(TestCompilation.Create(Network));
        NetworkModel second = ParseModel(TestCompilation.Create("// Leading trivia shifts every position.\n" + Network.Replace("LearningRate = 0.5f", "LearningRate = 0.50f")));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, ParseModel(TestCompilation.Create(Network.Replace("Activation.Tanh", "Activation.ReLU"))));
    }

    private static (CSharpCompilation, GeneratorRun) FirstRun()
    {
        CSharpCompilation compilation = TestCompilation.Create(Network);
        GeneratorRun first = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertGeneratorDidNotThrow(first);
        Assert.Single(first.Sources);
        AssertModelSteps(first, IncrementalStepRunReason.New);
        return (compilation, first);
    }

    internal static NetworkModel ParseModel(Compilation compilation, string metadataName = "Samples.XorNet")
    {
        INamedTypeSymbol type = compilation.GetTypeByMetadataName(metadataName)!;
        ParseResult result = NetworkParser.Parse(type, NetworkParser.FindNetworkAttribute(type)!, default);
        Assert.Empty(result.Diagnostics);
        return result.Model!;
    }

    private static IEnumerable<IncrementalStepRunReason> Outputs(GeneratorRun run, string step)
    {
        ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps = run.Result.TrackedSteps;
        Assert.True(steps.ContainsKey(step), $"No step named '{step}'; tracked: {string.Join(", ", steps.Keys)}");
        return steps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);
    }

    private static void AssertModelSteps(GeneratorRun run, params IncrementalStepRunReason[] allowed)
    {
        foreach (string step in ModelSteps)
        {
            IncrementalStepRunReason[] reasons = Outputs(run, step).ToArray();
            Assert.NotEmpty(reasons);
            Assert.True(reasons.All(allowed.Contains), $"Step {step}: got {string.Join(", ", reasons)}, expected only {string.Join(" or ", allowed)}");
        }
    }

    private static void AssertSourceOutput(GeneratorRun run, params IncrementalStepRunReason[] allowed)
    {
        IncrementalStepRunReason[] reasons = run.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.NotEmpty(reasons);
        Assert.True(reasons.All(allowed.Contains), $"Source output: got {string.Join(", ", reasons)}, expected only {string.Join(" or ", allowed)}");
    }
}
