using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Rule thresholds read from <c>.editorconfig</c> (<c>neuraldsl.NDxxx.name = value</c>): a configured
/// value moves the threshold both ways, and a value that is not a usable number keeps the default.
/// </summary>
public class RuleSettingsDiagnosticTests
{
    private const string FourTanhLayers = """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, {|ND202:Activation.Tanh|})]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(1)]
        public partial class Net;
        """;

    [Fact]
    public void ND202_fires_with_the_default_threshold() => RuleTests.Verify(FourTanhLayers);

    [Fact]
    public void ND202_raised_threshold_silences_it() =>
        RuleTests.VerifyClean(Unmarked(FourTanhLayers), "neuraldsl.ND202.saturating_layers = 5");

    [Fact]
    public void ND202_lowered_threshold_catches_two_tanh_layers() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, {|ND202:Activation.Tanh|})]
        [Dense(8, Activation.Tanh)]
        [Dense(1)]
        public partial class Net;
        """, "neuraldsl.ND202.saturating_layers = 2");

    [Theory]
    [InlineData("neuraldsl.ND202.saturating_layers = many")]
    [InlineData("neuraldsl.ND202.saturating_layers = 0")]
    [InlineData("neuraldsl.ND202.saturating_layers = -3")]
    [InlineData("neuraldsl.nd202.unknown_key = 1")]
    public void Unusable_values_keep_the_default(string line) => RuleTests.Verify(FourTanhLayers, line);

    [Theory]
    [InlineData("neuraldsl.ND502.sgd_rate = 0.5")]
    [InlineData("neuraldsl.ND502.sgd_rate = 5e-1")]
    public void ND502_configured_rate_is_compared_as_written(string line) => RuleTests.VerifyClean("""
        [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
        [Dense(4, Activation.Tanh)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """, line);

    [Fact]
    public void ND402_lowered_rate() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout({|ND402:0.3f|})]
        [Dense(1)]
        public partial class Net;
        """, "neuraldsl.ND402.rate = 0.25");

    [Theory]
    [InlineData("neuraldsl.ND407.penalty = 0.01", "{|ND407:KernelL2 = 0.05f|}")]
    [InlineData("neuraldsl.ND304.variance_gain = 1", "{|ND304:WeightInit = Init.RandomNormal|}, WeightStdDev = 0.5f")]
    [InlineData("neuraldsl.ND503.rate = 1e-4", "WeightInit = Init.HeUniform")]
    public void Other_thresholds(string line, string arguments) => RuleTests.Verify($$"""
        [Network(Inputs = 8, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
        [Dense(8, Activation.ReLU, {{arguments}})]
        [Dense(1)]
        public partial class Net;
        """, line);

    [Fact]
    public void ND503_raised_minimum_rate() => RuleTests.Verify("""
        [Network(Inputs = 8, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, {|ND503:LearningRate = 1e-5f|})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """, "neuraldsl.ND503.rate = 1e-4");

    [Fact]
    public void ND303_lowered_layer_count() => RuleTests.Verify("""
        [Network(Inputs = 8, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {|ND303:WeightInit = Init.GlorotUniform|})]
        [Dense(8, Activation.ReLU, WeightInit = Init.GlorotNormal)]
        [Dense(1)]
        public partial class Net;
        """, "neuraldsl.ND303.rectifier_layers = 2");

    private static string Unmarked(string markup) => DiagnosticMarkup.Parse(markup).Source;
}
