using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NeuralDsl.Generator.Baking;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// A compiled-in weights file is read once per change of its text: edits to C# code reuse the parsed
/// file (the <see cref="WeightsFile"/> step stays cached), a new text re-reads it and regenerates.
/// </summary>
public class BakingCachingTests
{
    private const string Source = "using NeuralDsl;\n\nnamespace Samples;\n\n" + WeightsDiagnosticTests.SmallDeclaration + "\npublic static class Other { }\n";

    [Fact]
    public void Editing_code_reuses_the_parsed_file()
    {
        (CSharpCompilation compilation, GeneratorRun first) = FirstRun();
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree edited = tree.WithChangedText(tree.GetText().Replace(Source.IndexOf("public static class Other", System.StringComparison.Ordinal), 0, "// A comment a user typed.\n"));

        GeneratorRun second = GeneratorHarness.Run(compilation.ReplaceSyntaxTree(tree, edited), first.Driver);

        Assert.Equal(IncrementalStepRunReason.Cached, Outputs(second, TrackingNames.WeightsFile).Single());
        Assert.Contains(Outputs(second, TrackingNames.BakedNetwork).Single(), new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Equal(first.SingleSource, second.SingleSource);
    }

    [Fact]
    public void A_new_text_of_the_file_is_read_again_and_regenerates()
    {
        (CSharpCompilation compilation, GeneratorRun first) = FirstRun();
        AdditionalText old = Files[0];
        var changed = new InMemoryAdditionalText(old.Path, WeightsDiagnosticTests.SmallJson.Replace("0.125", "0.375"));

        GeneratorRun second = GeneratorHarness.Run(compilation, first.Driver.ReplaceAdditionalText(old, changed));

        Assert.Equal(IncrementalStepRunReason.Modified, Outputs(second, TrackingNames.WeightsFile).Single());
        Assert.Equal(IncrementalStepRunReason.Modified, Outputs(second, TrackingNames.BakedNetwork).Single());
        Assert.Contains("0.375f", second.SingleSource);
        Assert.DoesNotContain("0.375f", first.SingleSource);
    }

    [Fact]
    public void Reading_the_same_text_twice_gives_equal_values()
    {
        WeightsFile first = WeightsFileReader.Read("/p/small.json", WeightsDiagnosticTests.SmallJson);
        WeightsFile second = WeightsFileReader.Read("/p/small.json", WeightsDiagnosticTests.SmallJson.Replace("\n", "\r\n"));
        Assert.Null(first.Problem);
        Assert.Equal(first with { Layers = default }, second with { Layers = default });
        // Positions differ with the line endings; the values do not.
        Assert.Equal(first.Layers.Select(l => l with { Line = 0, Column = 0 }), second.Layers.Select(l => l with { Line = 0, Column = 0 }));
        Assert.Equal(first, WeightsFileReader.Read("/p/small.json", WeightsDiagnosticTests.SmallJson));
        Assert.Equal(first.GetHashCode(), WeightsFileReader.Read("/p/small.json", WeightsDiagnosticTests.SmallJson).GetHashCode());
        Assert.NotEqual(first, WeightsFileReader.Read("/p/small.json", WeightsDiagnosticTests.SmallJson.Replace("0.125", "0.375")));
    }

    private static readonly ImmutableArray<AdditionalText> Files = InMemoryAdditionalText.Files(("small.json", WeightsDiagnosticTests.SmallJson));

    private static (CSharpCompilation, GeneratorRun) FirstRun()
    {
        CSharpCompilation compilation = TestCompilation.Create(Source);
        GeneratorRun first = GeneratorHarness.Run(compilation, null, Files);
        GeneratorHarness.AssertGeneratorDidNotThrow(first);
        Assert.Single(first.Sources);
        Assert.Equal(IncrementalStepRunReason.New, Outputs(first, TrackingNames.WeightsFile).Single());
        return (compilation, first);
    }

    private static IEnumerable<IncrementalStepRunReason> Outputs(GeneratorRun run, string step)
    {
        ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps = run.Result.TrackedSteps;
        Assert.True(steps.ContainsKey(step), $"No step named '{step}'; tracked: {string.Join(", ", steps.Keys)}");
        return steps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);
    }
}
