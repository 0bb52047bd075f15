using System.Linq;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Declarations that are valid C# and valid networks but unusual in how they are written: the
/// generated code must still compile cleanly (or nothing be generated, without a crash).
/// </summary>
public class GeneratedCodeTests
{
    [Theory]
    [InlineData("namespace Samples;\n\n", "")]
    [InlineData("namespace Samples.Deeper.Still\n{\n", "}\n")]
    [InlineData("namespace Outer\n{\n    namespace Inner\n    {\n", "    }\n}\n")]
    [InlineData("", "")]
    public void Namespace_styles(string open, string close) => GeneratorHarness.RunAndAssertClean(
        "using NeuralDsl;\n\n" + open + """
        /// <summary>A network.</summary>
        [Network(Inputs = 2)]
        [Dense(1)]
        public partial class Net;

        """ + close);

    [Theory]
    [InlineData("internal partial class Net;")]
    [InlineData("public sealed partial class Net;")]
    [InlineData("public abstract partial class Net;")]
    [InlineData("public partial class Net : System.IDisposable\n{\n    /// <inheritdoc/>\n    public void Dispose() { }\n}")]
    [InlineData("public partial class Réseau;")]
    public void Class_modifiers_bases_and_names(string declaration) => GeneratorHarness.RunAndAssertClean($$"""
        using NeuralDsl;

        namespace Samples;

        /// <summary>A network.</summary>
        [Network(Inputs = 2, Loss = Loss.MeanSquaredError)]
        [Dense(3, Activation.Sigmoid)]
        [Dense(1)]
        {{declaration}}
        """);

    [Fact]
    public void Class_named_with_a_keyword() => GeneratorHarness.RunAndAssertClean("""
        using NeuralDsl;

        namespace Samples;

        /// <summary>A verbatim identifier.</summary>
        [Network(Inputs = 2)]
        [Dense(1)]
        public partial class @class;
        """);

    [Fact]
    public void Namespace_named_with_a_keyword() => GeneratorHarness.RunAndAssertClean("""
        using NeuralDsl;

        namespace Samples.@event;

        /// <summary>A namespace part that is a keyword.</summary>
        [Network(Inputs = 2)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Network_on_two_partial_declarations_in_one_file_does_not_crash_the_generator()
    {
        // Both [Network] attributes are in one file; the compiler reports CS0579 for the duplicate.
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create("""
            using NeuralDsl;

            namespace Samples;

            [Network(Inputs = 2)]
            [Dense(1)]
            public partial class Net;

            [Network(Inputs = 3)]
            public partial class Net;

            /// <summary>An innocent bystander, whose code must not be lost.</summary>
            [Network(Inputs = 1)]
            [Dense(1)]
            public partial class Other;
            """));

        GeneratorHarness.AssertGeneratorDidNotThrow(run);
        Assert.Contains(run.Sources, s => s.HintName == "Samples.Other.g.cs");
    }

    [Fact]
    public void Class_without_a_name_generates_nothing()
    {
        // What the editor holds while the user is typing the class name.
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create("""
            using NeuralDsl;

            namespace Samples;

            [Network(Inputs = 2)]
            [Dense(4)]
            public partial class
            """));

        GeneratorHarness.AssertGeneratorDidNotThrow(run);
        Assert.True(run.Sources.IsEmpty, "Generated: " + string.Join(", ", run.Sources.Select(s => s.HintName)));
    }

    [Fact]
    public void Two_networks_in_one_file_get_one_file_each()
    {
        GeneratorRun run = GeneratorHarness.RunAndAssertClean("""
            using NeuralDsl;

            namespace Samples;

            /// <summary>First.</summary>
            [Network(Inputs = 2)]
            [Dense(1)]
            public partial class First;

            /// <summary>Second.</summary>
            [Network(Inputs = 3, Loss = Loss.Hinge)]
            [Dense(2, Activation.Tanh)]
            public partial class Second;
            """);

        Assert.Equal(["Samples.First.g.cs", "Samples.Second.g.cs"], run.Sources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void Same_class_name_in_two_namespaces()
    {
        GeneratorRun run = GeneratorHarness.RunAndAssertClean(
            "using NeuralDsl;\n\nnamespace A;\n\n/// <summary>A.</summary>\n[Network(Inputs = 2)]\n[Dense(1)]\npublic partial class Net;\n",
            "using NeuralDsl;\n\nnamespace B;\n\n/// <summary>B.</summary>\n[Network(Inputs = 2)]\n[Dense(1)]\npublic partial class Net;\n");

        Assert.Equal(2, run.Sources.Length);
    }

    [Fact]
    public void Every_activation_and_loss_compiles()
    {
        string[] hidden = System.Enum.GetNames<Activation>().Where(a => a is not (nameof(Activation.Softmax) or nameof(Activation.Step))).ToArray();
        string layers = string.Join("\n", hidden.Select(a => $"[Dense(3, Activation.{a})]"));
        foreach (Loss loss in System.Enum.GetValues<Loss>())
        {
            string output = loss switch
            {
                Loss.BinaryCrossEntropy => "[Dense(2, Activation.Sigmoid)]",
                Loss.CategoricalCrossEntropy or Loss.SparseCategoricalCrossEntropy => "[Dense(3, Activation.Softmax)]",
                Loss.None => "[Dense(2, Activation.Step)]",
                _ => "[Dense(2, Activation.Tanh)]",
            };
            GeneratorHarness.RunAndAssertClean($$"""
                using NeuralDsl;

                namespace Samples;

                /// <summary>Every hidden activation, then {{loss}}.</summary>
                [Network(Inputs = 3, Loss = Loss.{{loss}})]
                {{layers}}
                {{output}}
                public partial class Net;
                """);
        }
    }
}
