using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>Diagnostics about the shape of a declaration (ND001-ND016), each at the offending syntax.</summary>
public class DeclarationDiagnosticTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    [Fact]
    public void ND001_class_not_partial() => Verify("""
        [Network(Inputs = 2)]
        [Dense(1)]
        public class {|ND001:Net|};
        """);

    [Fact]
    public void ND002_generic_class() => Verify("""
        [Network(Inputs = 2)]
        [Dense(1)]
        public partial class {|ND002:Net|}<T>;
        """);

    [Fact]
    public void ND003_nested_class() => Verify("""
        public partial class Outer
        {
            [Network(Inputs = 2)]
            [Dense(1)]
            public partial class {|ND003:Inner|};
        }
        """);

    [Fact]
    public void ND002_and_ND003_both_reported_on_a_nested_generic_class() => Verify("""
        public partial class Outer
        {
            [Network(Inputs = 2)]
            [Dense(1)]
            public partial class {|ND002:{|ND003:Inner|}|}<T>;
        }
        """);

    [Fact]
    public void ND004_no_layers() => Verify("""
        [{|ND004:Network(Inputs = 2)|}]
        public partial class Net;
        """);

    [Fact]
    public void ND005_layer_on_another_partial_declaration() => Verify("""
        [Network(Inputs = 2)]
        [Dense(4)]
        public partial class Net;

        [{|ND005:Dense(1)|}]
        public partial class Net;
        """);

    [Fact]
    public void ND005_all_layers_elsewhere_is_not_also_reported_as_no_layers() => Verify("""
        [Network(Inputs = 2)]
        public partial class Net;

        [{|ND005:Dense(4)|}, {|ND005:Dense(1)|}]
        public partial class Net;
        """);

    [Fact]
    public void ND005_not_reported_for_a_partial_declaration_without_layers() => VerifyGenerates("""
        [Network(Inputs = 2)]
        [Dense(1)]
        public partial class Net;

        public partial class Net
        {
            public int Extra => 1;
        }
        """);

    [Theory]
    [InlineData("[{|ND006:Network|}]")]
    [InlineData("[{|ND006:Network(Loss = Loss.MeanSquaredError)|}]")]
    [InlineData("[Network({|ND006:Inputs = 0|})]")]
    [InlineData("[Network({|ND006:Inputs = -5|})]")]
    public void ND006_inputs_missing_or_not_positive(string network) => Verify(network + """

        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Network(Inputs = 2)][Dense(1, {|ND007:(Activation)99|})]")]
    [InlineData("[Network(Inputs = 2)][Dense(1, {|ND007:activation: (Activation)(-1)|})]")]
    [InlineData("[Network(Inputs = 2, {|ND007:Loss = (Loss)42|})][Dense(1)]")]
    [InlineData("[Network(Inputs = 2)][Dense(1, {|ND007:WeightInit = (Init)77|})]")]
    [InlineData("[Network(Inputs = 2)][Dense(1, {|ND007:BiasInit = (Init)13|})]")]
    public void ND007_undefined_enum_value(string attributes) => Verify(attributes + """

        public partial class Net;
        """);

    [Fact]
    public void ND007_message_names_the_value_and_the_enum()
    {
        MarkupResult result = Verify("""
            [Network(Inputs = 2)]
            [Dense(1, {|ND007:(Activation)99|})]
            public partial class Net;
            """);
        Assert.Equal("99 is not a defined value of NeuralDsl.Activation", Assert.Single(result.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ND008_softmax_on_a_hidden_layer() => Verify("""
        [Network(Inputs = 2, Loss = Loss.CategoricalCrossEntropy)]
        [Dense(4, {|ND008:Activation.Softmax|})]
        [Dense(3, Activation.Softmax)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("MeanSquaredError")]
    [InlineData("BinaryCrossEntropy")]
    public void ND009_step_with_a_loss(string loss) => Verify($$"""
        [Network(Inputs = 2, Loss = Loss.{{loss}})]
        [Dense(3, {|ND009:Activation.Step|})]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("0f")]
    [InlineData("-1f")]
    [InlineData("float.NaN")]
    [InlineData("float.PositiveInfinity")]
    public void ND010_huber_delta_not_positive_and_finite(string delta) => Verify($$"""
        [Network(Inputs = 2, Loss = Loss.Huber, {|ND010:HuberDelta = {{delta}}|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("LeakyReLU", "float.PositiveInfinity")]
    [InlineData("ELU", "float.NegativeInfinity")]
    [InlineData("PReLU", "float.PositiveInfinity")]
    public void ND011_alpha_not_finite(string activation, string alpha) => Verify($$"""
        [Network(Inputs = 2)]
        [Dense(1, Activation.{{activation}}, {|ND011:Alpha = {{alpha}}|})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Activation.ReLU, ")]
    [InlineData("Activation.Sigmoid, ")]
    [InlineData("")]
    public void ND012_alpha_ignored_is_a_warning_and_the_network_is_still_generated(string activation)
    {
        MarkupResult result = Verify($$"""
            [Network(Inputs = 2)]
            [Dense(1, {{activation}}{|ND012:Alpha = 0.5f|})]
            public partial class Net;
            """);
        Assert.Single(result.Run.Sources);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics).Severity);
    }

    [Theory]
    [InlineData("WeightInit = Init.RandomNormal, {|ND013:WeightStdDev = -1f|}")]
    [InlineData("WeightInit = Init.RandomNormal, {|ND013:WeightStdDev = float.PositiveInfinity|}")]
    [InlineData("WeightInit = Init.RandomNormal, {|ND013:WeightMean = float.NaN|}")]
    [InlineData("WeightInit = Init.RandomUniform, {|ND013:WeightMin = 1f|}, WeightMax = 0f")]
    [InlineData("WeightInit = Init.RandomUniform, {|ND013:WeightMin = float.NegativeInfinity|}")]
    [InlineData("WeightInit = Init.Constant, {|ND013:WeightValue = float.NaN|}")]
    [InlineData("BiasInit = Init.Constant, {|ND013:BiasValue = float.PositiveInfinity|}")]
    [InlineData("BiasInit = Init.RandomNormal, {|ND013:BiasStdDev = -0.5f|}")]
    [InlineData("BiasInit = Init.RandomUniform, BiasMax = -1f, {|ND013:BiasMin = 1f|}")]
    [InlineData("{|ND013:BiasInit = Init.Orthogonal|}")]
    public void ND013_invalid_initialiser_argument(string arguments) => Verify($$"""
        [Network(Inputs = 2)]
        [Dense(1, {{arguments}})]
        public partial class Net;
        """);

    [Fact]
    public void ND013_points_at_the_bound_the_user_wrote() => Verify("""
        [Network(Inputs = 2)]
        [Dense(1, WeightInit = Init.RandomUniform, {|ND013:WeightMax = -1f|})]
        public partial class Net;
        """);

    [Fact]
    public void ND014_layer_without_network_is_a_warning_and_nothing_is_generated()
    {
        MarkupResult result = Verify("""
            [{|ND014:Dense(4)|}]
            [Dense(1)]
            public partial class Net;
            """);
        Assert.Empty(result.Run.Sources);
    }

    [Fact]
    public void ND015_unknown_layer_kind() => Verify("""
        public sealed class ConvAttribute : LayerAttribute
        {
        }

        [Network(Inputs = 2)]
        [{|ND015:Conv|}]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("public partial record {|ND016:Net|};")]
    [InlineData("public static partial class {|ND016:Net|};")]
    [InlineData("public partial struct {|ND016:Net|};")]
    [InlineData("public partial interface {|ND016:Net|};")]
    public void ND016_not_a_non_static_class(string declaration) => Verify("""
        [Network(Inputs = 2)]
        [Dense(1)]

        """ + declaration);

    private static MarkupResult Verify(string body) => DiagnosticMarkup.Verify(Header + body);

    private static void VerifyGenerates(string body)
    {
        MarkupResult result = DiagnosticMarkup.Verify(Header + body);
        Assert.Single(result.Run.Sources);
    }
    [Theory]
    [InlineData("{|ND017:Momentum = 1f|}")]
    [InlineData("{|ND017:Epsilon = 0f|}")]
    [InlineData("{|ND017:Epsilon = float.PositiveInfinity|}")]
    public void ND017_invalid_batch_normalisation(string argument) => Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [BatchNormalization({{argument}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU, {|ND018:KernelL2 = -1f|})]", "")]
    [InlineData("[Dense(8, Activation.ReLU, {|ND018:BiasL1 = float.NaN|})]", "")]
    [InlineData("[Dense(8, Activation.ReLU)]", ", {|ND018:WeightDecay = -0.01f|}")]
    public void ND018_invalid_penalty(string layer, string network) => Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError{{network}})]
        {{layer}}
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND019_network_too_large() => Verify("""
        [Network(Inputs = 65536, Loss = Loss.MeanSquaredError)]
        [{|ND019:Dense(65536)|}]
        public partial class Net;
        """);
}
