using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// A user's build never breaks because of the generator: every declaration either gets code that
/// compiles cleanly, or an ND error at the class or member that says why nothing was generated.
/// </summary>
public class GeneratedCodeSafetyDiagnosticTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    private const string Attributes = """
        [Network(Inputs = 2, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
        [Dense(4, Activation.Tanh)]
        [BatchNormalization]
        [Dropout(0.1f)]
        [Dense(1, Activation.PReLU)]

        """;

    [Theory]
    [InlineData("namespace Models.Vision { [Network(Inputs = 2)][Dense(1)] internal partial class Net; }\nnamespace Models.vision { [Network(Inputs = 3)][Dense(1)] internal partial class Net; }")]
    [InlineData("namespace Models { [Network(Inputs = 2)][Dense(1)] internal partial class Net; [Network(Inputs = 3)][Dense(1)] internal partial class NET; }")]
    [InlineData("[Network(Inputs = 2)][Dense(1)] internal partial class Net; [Network(Inputs = 3)][Dense(1)] internal partial class nET; [Network(Inputs = 4)][Dense(1)] internal partial class @net;")]
    public void Networks_whose_names_differ_only_in_case_all_get_code(string source)
    {
        GeneratorRun run = GeneratorHarness.RunAndAssertClean("using NeuralDsl;\n" + source);
        string[] hints = run.Sources.Select(s => s.HintName).ToArray();
        Assert.Equal(source.Split("[Network").Length - 1, hints.Length);
        Assert.Equal(hints.Length, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Hint_names_are_deterministic_and_readable_when_unique()
    {
        const string source = "using NeuralDsl;\nnamespace A { [Network(Inputs = 2)][Dense(1)] internal partial class Net; [Network(Inputs = 2)][Dense(1)] internal partial class NET; [Network(Inputs = 2)][Dense(1)] internal partial class Other; }";
        string[] first = GeneratorHarness.RunAndAssertClean(source).Sources.Select(s => s.HintName).Order().ToArray();
        string[] second = GeneratorHarness.RunAndAssertClean(source).Sources.Select(s => s.HintName).Order().ToArray();
        Assert.Equal(first, second);
        Assert.Contains("A.Other.g.cs", first);
        Assert.All(first.Where(h => h != "A.Other.g.cs"), h => Assert.Matches(@"^A\.(Net|NET)\.[0-9a-f]{16}\.g\.cs$", h));
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(10, 40)]
    public void Hint_names_stay_short_for_long_names(int classLength, int namespaceParts)
    {
        string className = "N" + new string('e', classLength - 1);
        string ns = string.Join(".", Enumerable.Range(0, namespaceParts).Select(i => "Segment" + i));
        GeneratorRun run = GeneratorHarness.RunAndAssertClean(
            $"using NeuralDsl;\nnamespace {ns};\n[Network(Inputs = 2)][Dense(1)] internal partial class {className};\n" +
            $"[Network(Inputs = 2)][Dense(1)] internal partial class Short;");
        Assert.Equal(2, run.Sources.Select(s => s.HintName).Distinct().Count());
        Assert.All(run.Sources, s =>
        {
            Assert.True(s.HintName.Length <= 100, $"Hint name of {s.HintName.Length} characters: {s.HintName}");
            Assert.StartsWith(ns.Substring(0, Math.Min(ns.Length, 40)), s.HintName, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("public int {|ND021:InputSize|} => 3;")]
    [InlineData("public void {|ND021:Predict|}() { }")]
    [InlineData("public int[] {|ND021:Parameters|} = [];")]
    [InlineData("private readonly float[] {|ND021:_parameters|} = [];")]
    [InlineData("private static void {|ND021:Forward|}() { }")]
    [InlineData("public const int {|ND021:Layer0Units|} = 4;")]
    [InlineData("public float {|ND021:TrainStep|}(float x) => x;")]
    [InlineData("private int {|ND021:_scratch|};")]
    [InlineData("public class {|ND021:Layers|} { }")]
    [InlineData("public event System.Action? {|ND021:ResetParameters|};")]
    public void A_member_named_like_a_generated_member_is_reported_and_nothing_is_generated(string member) =>
        DiagnosticMarkup.Verify(Header + Attributes + "internal partial class Net\n{\n    " + member + "\n}\n");

    [Fact]
    public void A_member_in_another_partial_declaration_is_reported_too() =>
        DiagnosticMarkup.Verify(Header + Attributes + "internal partial class Net;\n\ninternal partial class Net\n{\n    public int {|ND021:OutputSize|} => 1;\n}\n");

    [Theory]
    [InlineData("public {|ND022:Net|}(int seed) { }")]
    [InlineData("public {|ND022:Net|}() { }")]
    [InlineData("private {|ND022:Net|}(int seed = 1) { }")]
    public void A_constructor_the_generated_code_declares_is_reported(string constructor) =>
        DiagnosticMarkup.Verify(Header + Attributes + "internal partial class Net\n{\n    " + constructor + "\n}\n");

    [Fact]
    public void A_primary_constructor_is_reported() =>
        DiagnosticMarkup.Verify(Header + Attributes + "internal partial class Net{|ND022:(int x)|};\n");

    [Fact]
    public void Other_constructors_and_members_are_fine() =>
        DiagnosticMarkup.Verify(Header + Attributes + """
            internal partial class Net
            {
                public Net(string name) : this(DefaultSeed) => Name = name;

                public string Name { get; } = "";

                public float PredictOne(float x, float y)
                {
                    System.Span<float> output = stackalloc float[OutputSize];
                    Predict([x, y], output);
                    return output[0];
                }
            }
            """);

    [Theory]
    [InlineData("Parameters")]
    [InlineData("Layers")]
    [InlineData("InputSize")]
    [InlineData("Layer0Units")]
    [InlineData("Gradients")]
    public void A_class_named_like_a_generated_member_is_reported(string name) =>
        DiagnosticMarkup.Verify(Header + Attributes + "internal partial class {|ND023:" + name + "|};\n");

    [Fact]
    public void An_inherited_member_the_generated_code_would_hide_is_reported() =>
        DiagnosticMarkup.Verify(Header + "internal class Base { public int InputSize => 1; private int Parameters => 2; }\n\n" + Attributes + "internal partial class {|ND021:Net|} : Base;\n");

    [Fact]
    public void A_file_local_network_is_reported() =>
        DiagnosticMarkup.Verify(Header + Attributes + "file partial class {|ND024:Net|};\n");

    [Fact]
    public void A_network_deriving_from_a_network_is_reported_and_its_base_still_generated()
    {
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(Header + Attributes + "internal partial class Net;\n\n" + Attributes + "internal partial class Derived : Net;\n"));
        GeneratorHarness.AssertGeneratorDidNotThrow(run);
        Diagnostic reported = Assert.Single(GeneratorHarness.Analyze(run.Output), d => d.Id.StartsWith("ND", StringComparison.Ordinal));
        Assert.Equal("ND025", reported.Id);
        Assert.Equal("Derived", reported.Location.SourceTree!.GetText().ToString(reported.Location.SourceSpan));
        Assert.Equal("Samples.Net.g.cs", Assert.Single(run.Sources).HintName);
        GeneratorHarness.AssertEmitsCleanly(run.Output);
    }

    [Fact]
    public void ND025_markup_on_the_derived_class() =>
        DiagnosticMarkup.Verify(Header + Attributes + "internal partial class Net{|ND022:(int x)|};\n\n" + Attributes + "internal partial class {|ND025:Derived|} : Net;\n");

    [Fact]
    public void A_network_in_a_file_marked_as_generated_is_generated() =>
        GeneratorHarness.RunAndAssertClean("// <auto-generated/>\n" + Header + Attributes + "internal partial class Net;\n");

    [Fact]
    public void A_declaration_error_in_a_file_marked_as_generated_is_reported() =>
        DiagnosticMarkup.Verify("// <auto-generated/>\n" + Header + """
            [Network(Inputs = 2, Loss = Loss.MeanSquaredError)]
            [Dense(4, {|ND008:Activation.Softmax|})]
            [Dense(1)]
            internal partial class Net;
            """);

    [Fact]
    public void A_design_rule_reports_in_a_file_marked_as_generated() =>
        DiagnosticMarkup.Verify("// <auto-generated/>\n" + Header + """
            [Network(Inputs = 2, Loss = Loss.MeanSquaredError)]
            [Dense(4, Activation.ReLU, {|ND407:KernelL2 = 0.5f|})]
            [Dense(1)]
            internal partial class Net;
            """);
}
