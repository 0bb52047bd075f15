using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Design rules about the optimiser, the declared training settings and the declared data scaling
/// (catalogue sections 2.5 to 2.7). A setting that is not written is not declared, so not checked.
/// </summary>
public class TrainingRuleDiagnosticTests
{
    private const string Layers = "[Dense(8, Activation.ReLU)]\n[Dense(1)]\npublic partial class Net;";

    [Theory]
    [InlineData("Optimizer = Optimizer.Adam, {|ND502:LearningRate = 0.1f|}")]
    [InlineData("Optimizer = Optimizer.AdamW, {|ND502:LearningRate = 0.02f|}")]
    [InlineData("Optimizer = Optimizer.RMSprop, {|ND502:LearningRate = 0.05f|}")]
    [InlineData("Optimizer = Optimizer.Adagrad, {|ND502:LearningRate = 0.2f|}")]
    [InlineData("{|ND502:LearningRate = 0.5f|}")]
    [InlineData("LearningRate = 0.2f, {|ND502:Momentum = 0.9f|}")]
    [InlineData("{|ND502:Momentum = 0.995f|}")]
    public void ND502_learning_rate_too_high(string arguments) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{arguments}})]
        {{Layers}}
        """);

    [Theory]
    [InlineData("Optimizer = Optimizer.Adam, LearningRate = 0.01f")]
    [InlineData("Optimizer = Optimizer.Adam, LearningRate = 0.001f")]
    [InlineData("Optimizer = Optimizer.Adagrad, LearningRate = 0.1f")]
    [InlineData("LearningRate = 0.3f")]
    [InlineData("LearningRate = 0.1f, Momentum = 0.9f")]
    [InlineData("LearningRate = 0.1f, Momentum = 0.9f, Nesterov = true")]
    public void Near_miss_ND502_usual_rates_including_sgd_point_one_with_momentum(string arguments) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{arguments}})]
        {{Layers}}
        """);

    [Fact]
    public void Near_miss_ND502_learning_rate_of_an_inference_only_network() => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, LearningRate = 5f)]
        {{Layers}}
        """);

    [Theory]
    [InlineData("1e-7f")]
    [InlineData("5e-7f")]
    public void ND503_learning_rate_too_low(string rate) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, {|ND503:LearningRate = {{rate}}|})]
        {{Layers}}
        """);

    [Fact]
    public void Near_miss_ND503_one_in_a_million_is_still_allowed() => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 1e-6f)]
        {{Layers}}
        """);

    [Theory]
    [InlineData("Adam", "1e-12f")]
    [InlineData("AdamW", "1e-16f")]
    public void ND506_epsilon_too_small_is_a_warning(string optimizer, string epsilon)
    {
        MarkupResult result = RuleTests.Verify($$"""
            [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.{{optimizer}}, LearningRate = 0.001f, {|ND506:Epsilon = {{epsilon}}|})]
            {{Layers}}
            """);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics).Severity);
    }

    [Theory]
    [InlineData("Adam", "1e-8f")]
    [InlineData("Adam", "1e-10f")]
    [InlineData("RMSprop", "1e-12f")]
    public void Near_miss_ND506_usual_epsilon_or_not_adam(string optimizer, string epsilon) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.{{optimizer}}, LearningRate = 0.001f, Epsilon = {{epsilon}})]
        {{Layers}}
        """);

    [Theory]
    [InlineData("{|ND601:Epochs = 0|}")]
    [InlineData("{|ND601:Epochs = -5|}, BatchSize = 32")]
    [InlineData("Epochs = 10, {|ND601:BatchSize = 0|}")]
    [InlineData("{|ND601:Epochs = 0|}, {|ND601:BatchSize = -1|}")]
    public void ND601_epochs_or_batch_size_not_positive(string arguments)
    {
        MarkupResult result = RuleTests.Verify($$"""
            [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{arguments}})]
            {{Layers}}
            """);
        Assert.Single(result.Run.Sources);
    }

    [Theory]
    [InlineData("Epochs = 1, BatchSize = 1")]
    [InlineData("Epochs = 100")]
    public void Near_miss_ND601_positive_or_undeclared(string arguments) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{arguments}})]
        {{Layers}}
        """);

    [Theory]
    [InlineData("Epochs = 10, {|ND602:EarlyStoppingPatience = 10|}")]
    [InlineData("Epochs = 10, {|ND602:EarlyStoppingPatience = 50|}")]
    [InlineData("{|ND602:EarlyStoppingPatience = -1|}")]
    public void ND602_early_stopping_patience_invalid(string arguments) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{arguments}})]
        {{Layers}}
        """);

    [Theory]
    [InlineData("Epochs = 10, EarlyStoppingPatience = 9")]
    [InlineData("EarlyStoppingPatience = 100")]
    [InlineData("Epochs = 100, EarlyStoppingPatience = 0")]
    public void Near_miss_ND602_patience_below_epochs_or_epochs_undeclared(string arguments) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{arguments}})]
        {{Layers}}
        """);

    [Theory]
    [InlineData("{|ND603:EarlyStoppingMonitor = \"val_loss\"|}")]
    [InlineData("{|ND603:EarlyStoppingMonitor = \"val_accuracy\"|}, ValidationSplit = 0f")]
    public void ND603_early_stopping_on_validation_without_a_split(string arguments) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, EarlyStoppingPatience = 5, {{arguments}})]
        {{Layers}}
        """);

    [Theory]
    [InlineData("EarlyStoppingMonitor = \"val_loss\", ValidationSplit = 0.2f")]
    [InlineData("EarlyStoppingMonitor = \"loss\"")]
    [InlineData("EarlyStoppingMonitor = \"\"")]
    public void Near_miss_ND603_validation_split_or_training_loss(string arguments) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, EarlyStoppingPatience = 5, {{arguments}})]
        {{Layers}}
        """);

    [Theory]
    [InlineData("{|ND703:InputScaling = Scaling.None|}")]
    [InlineData("Task = LearningTask.Regression, InputScaling = Scaling.Standardized, {|ND703:TargetScaling = Scaling.None|}")]
    [InlineData("Task = LearningTask.Regression, {|ND703:InputScaling = Scaling.None|}, {|ND703:TargetScaling = Scaling.None|}")]
    public void ND703_unscaled_inputs_or_targets(string arguments) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{arguments}})]
        {{Layers}}
        """);

    [Theory]
    [InlineData("InputScaling = Scaling.MinMax01")]
    [InlineData("Task = LearningTask.Regression, InputScaling = Scaling.Standardized, TargetScaling = Scaling.Standardized")]
    [InlineData("TargetScaling = Scaling.None")]
    [InlineData("")]
    public void Near_miss_ND703_scaled_or_undeclared(string arguments) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError{{(arguments.Length == 0 ? "" : ", " + arguments)}})]
        {{Layers}}
        """);
}
