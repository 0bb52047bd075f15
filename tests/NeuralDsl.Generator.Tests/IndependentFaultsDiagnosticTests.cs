using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// One diagnostic per root cause, not one per network: a parser error hides only the design rules it
/// makes meaningless, so a second, independent mistake in the same declaration is reported with it.
/// </summary>
public class IndependentFaultsDiagnosticTests
{
    [Fact]
    public void One_unit_softmax_and_a_regression_loss_on_a_classification_task() => RuleTests.Verify("""
        [Network(Inputs = 4, Task = LearningTask.Binary, {|ND108:Loss = Loss.MeanSquaredError|})]
        [Dense(8, Activation.ReLU)]
        [Dense(1, {|ND101:Activation.Softmax|})]
        public partial class Net;
        """);

    [Fact]
    public void One_unit_softmax_and_a_hidden_layer_without_activation() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [{|ND201:Dense(8)|}]
        [Dense(1, {|ND101:Activation.Softmax|})]
        public partial class Net;
        """);

    [Fact]
    public void One_unit_softmax_and_an_excessive_penalty() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.ReLU, {|ND407:KernelL2 = 0.5f|})]
        [Dense(1, {|ND101:Activation.Softmax|})]
        public partial class Net;
        """);

    [Fact]
    public void Hidden_softmax_and_a_learning_rate_too_high() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, {|ND502:LearningRate = 0.5f|})]
        [Dense(8, {|ND008:Activation.Softmax|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Binary_cross_entropy_without_sigmoid_and_a_constant_hidden_initialiser() => RuleTests.Verify("""
        [Network(Inputs = 4, {|ND105:Loss = Loss.BinaryCrossEntropy|})]
        [Dense(8, Activation.ReLU, {|ND301:WeightInit = Init.Zeros|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Invalid_learning_rate_and_a_high_dropout_rate() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {|ND501:LearningRate = -1f|})]
        [Dense(8, Activation.ReLU)]
        [Dropout({|ND402:0.8f|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void A_clashing_member_and_a_design_mistake() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [{|ND201:Dense(8)|}]
        [Dense(1)]
        public partial class Net
        {
            public int {|ND021:InputSize|} => 4;
        }
        """);

    [Fact]
    public void The_one_unit_softmax_takes_the_task_mismatch_of_the_same_output() => RuleTests.Verify("""
        [Network(Inputs = 4, Task = LearningTask.Multiclass, Loss = Loss.CategoricalCrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, {|ND101:Activation.Softmax|})]
        public partial class Net;
        """);

    [Fact]
    public void An_invalid_initialiser_argument_takes_its_layer_initialisation_rules_only() => RuleTests.Verify("""
        [Network(Inputs = 400, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, WeightInit = Init.RandomNormal, {|ND013:WeightStdDev = float.PositiveInfinity|})]
        [Dense(400, Activation.ReLU, {|ND304:WeightInit = Init.RandomNormal|}, WeightStdDev = 1f)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void An_invalid_momentum_takes_the_learning_rate_rule() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, LearningRate = 0.1f, {|ND504:Momentum = 1f|})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Network({|ND006:Inputs = 0|}, Loss = Loss.MeanSquaredError)]\n[Dense(8)]\n[Dense(1)]")]
    [InlineData("[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]\n[Dense(8)]\n[Dense({|ND702:0|})]\n[Dense(1)]")]
    [InlineData("[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]\n[Dense(8, {|ND007:(Activation)99|})]\n[Dense(1)]")]
    public void Errors_that_leave_the_layers_undefined_stop_the_design_rules(string declaration) => RuleTests.Verify(declaration + "\npublic partial class Net;");

    [Fact]
    public void Softmax_output_followed_by_dropout_is_dropout_on_the_output_not_a_hidden_softmax()
    {
        MarkupResult result = RuleTests.Verify("""
            [Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy)]
            [Dense(8, Activation.ReLU)]
            [Dense(3, Activation.Softmax)]
            [{|ND403:Dropout(0.2f)|}]
            public partial class Net;
            """);
        Assert.Contains("no longer sum to 1", Assert.Single(result.Diagnostics).GetMessage(), System.StringComparison.Ordinal);
        Assert.NotEmpty(result.Run.Sources);
    }

    [Fact]
    public void Softmax_followed_by_another_layer_is_still_a_hidden_softmax() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(3, {|ND008:Activation.Softmax|})]
        [Dropout(0.2f)]
        [Dense(3, Activation.Softmax)]
        public partial class Net;
        """);
}
