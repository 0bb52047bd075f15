using System;
using System.Linq;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Both sides of every rule threshold, at the exact boundary and the nearest float (or count) on the
/// other side, so that a comparison written the wrong way round (<c>&gt;=</c> for <c>&gt;</c>) fails a
/// test. The catalogue's comparisons: ND202 <c>count &gt;= 3 (sigmoid), &gt;= 4 (saturating)</c>, ND303
/// <c>&gt;= 10</c>, ND304 <c>gain &gt;= 4</c>, ND402 <c>0.5 &lt; r</c>, ND407 <c>&gt;= 0.1</c>, ND502
/// <c>lr &gt; limit</c> and <c>lr / (1 - m) &gt; 1</c> (with a relative tolerance of 1e-4), ND503
/// <c>lr &lt; 1e-6</c>, ND506 <c>epsilon &lt; 1e-10</c>, ND601 <c>&lt;= 0</c>, ND602 <c>patience &gt;= epochs</c>.
/// </summary>
public class ThresholdDiagnosticTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    [Theory]
    [InlineData("KernelL1 = 0.1f", true)]
    [InlineData("KernelL1 = 0.099999994f", false)]
    [InlineData("KernelL2 = 0.1f", true)]
    [InlineData("KernelL2 = 0.099999994f", false)]
    public void ND407_fires_at_the_penalty_and_not_below(string penalty, bool fires) => AssertFires("ND407", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {{penalty}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("0.5f", false)]
    [InlineData("0.50000006f", true)]
    public void ND402_fires_above_the_rate_and_not_at_it(string rate, bool fires) => AssertFires("ND402", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout({{rate}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Optimizer.Adam", "0.01f", false)]
    [InlineData("Optimizer.Adam", "0.010000001f", true)]
    [InlineData("Optimizer.RMSprop", "0.01f", false)]
    [InlineData("Optimizer.RMSprop", "0.010000001f", true)]
    [InlineData("Optimizer.Adagrad", "0.1f", false)]
    [InlineData("Optimizer.Adagrad", "0.10000001f", true)]
    [InlineData("Optimizer.Sgd", "0.3f", false)]
    [InlineData("Optimizer.Sgd", "0.30000004f", true)]
    public void ND502_fires_above_the_optimiser_limit_and_not_at_it(string optimizer, string rate, bool fires) => AssertFires("ND502", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = {{optimizer}}, LearningRate = {{rate}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("0.25f", "0.75f", false)] // exactly 1
    [InlineData("0.125f", "0.875f", false)] // exactly 1
    [InlineData("0.25002f", "0.75f", false)] // 1.00008, inside the tolerance
    [InlineData("0.2501f", "0.75f", true)] // 1.0004
    public void ND502_effective_sgd_rate_fires_above_one_and_not_at_it(string rate, string momentum, bool fires) => AssertFires("ND502", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, LearningRate = {{rate}}, Momentum = {{momentum}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("1e-6f", false)]
    [InlineData("9.999999E-07f", true)]
    public void ND503_fires_below_the_rate_and_not_at_it(string rate, bool fires) => AssertFires("ND503", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, LearningRate = {{rate}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("1e-10f", false)]
    [InlineData("9.9999994E-11f", true)]
    public void ND506_warns_below_the_epsilon_and_not_at_it(string epsilon, bool fires) => AssertFires("ND506", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.001f, Epsilon = {{epsilon}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData(4, "1f", true)] // gain exactly 4
    [InlineData(4, "0.99999994f", false)]
    [InlineData(3, "1f", false)]
    public void ND304_fires_at_the_variance_gain_and_not_below(int inputs, string stdDev, bool fires) => AssertFires("ND304", fires, $$"""
        [Network(Inputs = {{inputs}}, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, WeightInit = Init.RandomNormal, WeightStdDev = {{stdDev}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Sigmoid", 3, true)]
    [InlineData("Sigmoid", 2, false)]
    [InlineData("Tanh", 4, true)]
    [InlineData("Tanh", 3, false)]
    public void ND202_fires_at_the_layer_count_and_not_below(string activation, int layers, bool fires) => AssertFires("ND202", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{string.Concat(Enumerable.Repeat($"[Dense(8, Activation.{activation})]\n", layers))}}[Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData(10, true)]
    [InlineData(9, false)]
    public void ND303_fires_at_the_layer_count_and_not_below(int layers, bool fires) => AssertFires("ND303", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{string.Concat(Enumerable.Repeat("[Dense(8, Activation.ReLU, WeightInit = Init.GlorotUniform)]\n", layers))}}[Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Epochs = 0", true)]
    [InlineData("Epochs = 1", false)]
    [InlineData("BatchSize = 0", true)]
    [InlineData("BatchSize = 1", false)]
    public void ND601_fires_at_zero_and_not_at_one(string setting, bool fires) => AssertFires("ND601", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{setting}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData(10, true)]
    [InlineData(9, false)]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    public void ND602_fires_at_the_epoch_count_and_below_zero(int patience, bool fires) => AssertFires("ND602", fires, $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Epochs = 10, ValidationSplit = 0.2f, EarlyStoppingPatience = {{patience}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """);

    private static void AssertFires(string id, bool fires, string body)
    {
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(Header + body));
        int count = GeneratorHarness.Analyze(run.Output).Count(d => d.Id == id);
        Assert.True(fires ? count == 1 : count == 0, $"{id} reported {count} times; expected {(fires ? "once" : "never")}:\n{body}");
    }
}
