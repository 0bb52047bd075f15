using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>The declared training settings become the network's DeclaredTraining, written only when declared.</summary>
public class DeclaredTrainingEmitTests
{
    private static string Generate(string settings) => GeneratorHarness.RunAndAssertClean($$"""
        using NeuralDsl;

        namespace Samples;

        /// <summary>A regressor.</summary>
        [Network(Inputs = 2, Loss = Loss.MeanSquaredError{{settings}})]
        [Dense(4, Activation.Tanh)]
        [Dense(1)]
        public partial class Net;
        """).SingleSource;

    [Fact]
    public void Every_declared_setting_is_passed_on_by_name()
    {
        string source = Generate(", Epochs = 40, BatchSize = 8, ValidationSplit = 0.2f, EarlyStoppingPatience = 4, EarlyStoppingMonitor = \"val_\\\"loss\", ClipNorm = 1.5f, ClipValue = 0.25f");
        Assert.Contains("public global::NeuralDsl.Training.TrainingDeclaration DeclaredTraining => new(Epochs: 40, BatchSize: 8, ValidationSplit: 0.2f, EarlyStoppingPatience: 4, EarlyStoppingMonitor: \"val_\\\"loss\", ClipNorm: 1.5f, ClipValue: 0.25f);", source);
    }

    [Fact]
    public void Only_the_declared_settings_are_written()
    {
        Assert.Contains("DeclaredTraining => new(BatchSize: 8);", Generate(", BatchSize = 8"));
        Assert.DoesNotContain("DeclaredTraining", Generate(""));
    }
}
