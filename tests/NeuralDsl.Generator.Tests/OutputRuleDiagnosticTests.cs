using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Design rules about the output layer, the loss and the declared task (catalogue section 2.1, and
/// ND020 for <c>FromLogits</c>): each fires at its span, and near misses stay silent. These are
/// warnings or analyzer errors, so code is still generated.
/// </summary>
public class OutputRuleDiagnosticTests
{
    [Theory]
    [InlineData("MeanSquaredError")]
    [InlineData("Hinge")]
    [InlineData("None")]
    public void ND020_from_logits_without_a_cross_entropy(string loss) => RuleTests.Verify($$"""
        [Network(Inputs = 2, Loss = Loss.{{loss}}, {|ND020:FromLogits = true|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND020_from_logits_false_with_any_loss() => RuleTests.VerifyClean("""
        [Network(Inputs = 2, Loss = Loss.MeanSquaredError, FromLogits = false)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(3, Activation.Softmax)]")]
    [InlineData("[Dense(3)][Activation(Activation.Softmax)]")]
    [InlineData("[Dense(2, UseBias = false)][BatchNormalization][Activation(Activation.Softmax)]")]
    public void ND102_softmax_with_binary_cross_entropy(string output) => RuleTests.Verify($$"""
        [Network(Inputs = 4, {|ND102:Loss = Loss.BinaryCrossEntropy|})]
        [Dense(8, Activation.ReLU)]
        {{output}}
        public partial class Net;
        """);

    [Theory]
    [InlineData("Loss.BinaryCrossEntropy", "Activation.Sigmoid")]
    [InlineData("Loss.CategoricalCrossEntropy", "Activation.Softmax")]
    public void Near_miss_ND102_matching_output_and_loss(string loss, string activation) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = {{loss}})]
        [Dense(8, Activation.ReLU)]
        [Dense(3, {{activation}})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("CategoricalCrossEntropy")]
    [InlineData("SparseCategoricalCrossEntropy")]
    public void ND103_sigmoid_output_with_categorical_cross_entropy(string loss) => RuleTests.Verify($$"""
        [Network(Inputs = 4, {|ND103:Loss = Loss.{{loss}}|})]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND103_sigmoid_with_binary_cross_entropy_for_several_labels() => RuleTests.VerifyClean("""
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("BinaryCrossEntropy", "[Dense(1, {|ND107:Activation.Sigmoid|})]")]
    [InlineData("CategoricalCrossEntropy", "[Dense(3, {|ND107:Activation.Softmax|})]")]
    [InlineData("SparseCategoricalCrossEntropy", "[Dense(3)][Activation({|ND107:Activation.Softmax|})]")]
    [InlineData("BinaryCrossEntropy", "[Dense(4, UseBias = false)][BatchNormalization][Activation({|ND107:Activation.Sigmoid|})]")]
    public void ND107_probability_output_with_a_loss_on_logits(string loss, string output) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.{{loss}}, FromLogits = true)]
        [Dense(8, Activation.ReLU)]
        {{output}}
        public partial class Net;
        """);

    [Theory]
    [InlineData("BinaryCrossEntropy", "[Dense(1)]")]
    [InlineData("CategoricalCrossEntropy", "[Dense(3)]")]
    [InlineData("SparseCategoricalCrossEntropy", "[Dense(3, UseBias = false)][BatchNormalization]")]
    public void Near_miss_ND107_linear_output_with_a_loss_on_logits(string loss, string output) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.{{loss}}, FromLogits = true)]
        [Dense(8, Activation.ReLU)]
        {{output}}
        public partial class Net;
        """);

    [Theory]
    [InlineData("Binary", "MeanSquaredError", 1, "Sigmoid")]
    [InlineData("Binary", "MeanAbsoluteError", 1, "Sigmoid")]
    [InlineData("Multiclass", "MeanSquaredError", 3, "Softmax")]
    [InlineData("Multiclass", "Huber", 3, "Softmax")]
    public void ND108_regression_loss_for_classification(string task, string loss, int units, string activation) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Task = LearningTask.{{task}}, {|ND108:Loss = Loss.{{loss}}|})]
        [Dense(8, Activation.ReLU)]
        [Dense({{units}}, Activation.{{activation}})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("", "MeanSquaredError")]
    [InlineData("Task = LearningTask.Regression, TargetScaling = Scaling.MinMax01, ", "MeanSquaredError")]
    [InlineData("Task = LearningTask.Binary, ", "BinaryCrossEntropy")]
    [InlineData("Task = LearningTask.Binary, ", "Hinge")]
    public void Near_miss_ND108_loss_matches_the_task_or_no_task_declared(string task, string loss) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, {{task}}Loss = Loss.{{loss}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Fact]
    public void ND108_and_ND703_co_occur_as_independent_causes() => RuleTests.Verify("""
        [Network(Inputs = 4, Task = LearningTask.Binary, {|ND108:Loss = Loss.MeanSquaredError|}, {|ND703:InputScaling = Scaling.None|})]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Sigmoid", "")]
    [InlineData("Sigmoid", ", TargetScaling = Scaling.Standardized")]
    [InlineData("Tanh", ", TargetScaling = Scaling.NonNegative")]
    [InlineData("ReLU", "")]
    [InlineData("Softplus", ", TargetScaling = Scaling.MinMax11")]
    public void ND109_bounded_output_for_regression(string activation, string scaling) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Task = LearningTask.Regression{{scaling}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1, {|ND109:Activation.{{activation}}|})]
        public partial class Net;
        """);

    [Fact]
    public void ND109_softmax_over_several_regression_outputs() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Task = LearningTask.Regression, TargetScaling = Scaling.MinMax01)]
        [Dense(8, Activation.ReLU)]
        [Dense(3)]
        [Activation({|ND109:Activation.Softmax|})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Linear", "")]
    [InlineData("Sigmoid", ", TargetScaling = Scaling.MinMax01")]
    [InlineData("Tanh", ", TargetScaling = Scaling.MinMax11")]
    [InlineData("Tanh", ", TargetScaling = Scaling.MinMax01")]
    [InlineData("ReLU", ", TargetScaling = Scaling.NonNegative")]
    [InlineData("Softplus", ", TargetScaling = Scaling.MinMax01")]
    [InlineData("ELU", "")]
    public void Near_miss_ND109_output_range_covers_the_declared_targets(string activation, string scaling) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Task = LearningTask.Regression{{scaling}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.{{activation}})]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND109_sigmoid_output_without_a_declared_task() => RuleTests.VerifyClean("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Task = LearningTask.Multiclass", "[Dense({|ND110:1|}, Activation.Sigmoid)]")]
    [InlineData("Task = LearningTask.Binary", "[Dense({|ND110:3|}, Activation.Softmax)]")]
    [InlineData("Task = LearningTask.Multiclass, Classes = 4", "[Dense({|ND110:3|}, Activation.Softmax)]")]
    [InlineData("Task = LearningTask.Multiclass, Classes = 4", "[Dense({|ND110:units: 5|})][Activation(Activation.Softmax)]")]
    public void ND110_output_units_contradict_the_task(string task, string output) => RuleTests.Verify($$"""
        [Network(Inputs = 4, {{task}})]
        [Dense(8, Activation.ReLU)]
        {{output}}
        public partial class Net;
        """);

    [Theory]
    [InlineData("Task = LearningTask.Multiclass, Classes = 3", "[Dense(3, Activation.Softmax)]")]
    [InlineData("Task = LearningTask.Multiclass", "[Dense(7, Activation.Softmax)]")]
    [InlineData("Task = LearningTask.Binary", "[Dense(1, Activation.Sigmoid)]")]
    [InlineData("Task = LearningTask.Binary", "[Dense(2, Activation.Softmax)]")]
    [InlineData("Classes = 4", "[Dense(1)]")]
    public void Near_miss_ND110_output_units_fit_the_task(string task, string output) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, {{task}})]
        [Dense(8, Activation.ReLU)]
        {{output}}
        public partial class Net;
        """);

    [Fact]
    public void ND110_is_an_error_that_still_generates_code()
    {
        MarkupResult result = RuleTests.Verify("""
            [Network(Inputs = 4, Task = LearningTask.Binary, Loss = Loss.CategoricalCrossEntropy)]
            [Dense({|ND110:3|}, Activation.Softmax)]
            public partial class Net;
            """);
        Assert.Single(result.Run.Sources);
    }

    /// <summary>ND101 hides only the output and loss rules; the hidden layer without activation (ND201) is an independent mistake.</summary>
    [Fact]
    public void Parser_error_ND101_takes_precedence_over_the_output_rules_only() => RuleTests.Verify("""
        [Network(Inputs = 4, Task = LearningTask.Regression, TargetScaling = Scaling.Standardized, Loss = Loss.MeanSquaredError)]
        [{|ND201:Dense(8)|}]
        [Dense(1, {|ND101:Activation.Softmax|})]
        public partial class Net;
        """);
}
