using System.Collections.Generic;
using Samples.Perceptron;

namespace NeuralDsl.Samples.Tests;

/// <summary>The Perceptron sample's three claims, and its rule run checked against the rule written out by hand.</summary>
public class PerceptronSampleTests
{
    // Rosenblatt's rule in integers (learning rate 1, zero start, threshold at >= 0): errors per epoch.
    private static List<int> HandWrittenRule(float[] targets, int epochs)
    {
        float[] x = TruthTables.Inputs;
        int w0 = 0, w1 = 0, b = 0;
        var errors = new List<int>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int wrong = 0;
            for (int n = 0; n < 4; n++)
            {
                int x0 = (int)x[2 * n], x1 = (int)x[2 * n + 1];
                int output = w0 * x0 + w1 * x1 + b >= 0 ? 1 : 0;
                int error = (int)targets[n] - output;
                if (error == 0) continue;
                wrong++;
                w0 += error * x0;
                w1 += error * x1;
                b += error;
            }
            errors.Add(wrong);
            if (wrong == 0) break;
        }
        return errors;
    }

    [Fact]
    public void The_rule_learns_and_with_the_errors_of_the_rule_written_out()
    {
        RuleRun run = PerceptronLesson.TrainPerceptron(TruthTables.And);
        Assert.Equal(HandWrittenRule(TruthTables.And, 100), run.ErrorsPerEpoch);
        Assert.Equal(run.ErrorsPerEpoch.Length, run.ConvergedAfter);
        Assert.Equal(TruthTables.And, run.Predictions);
    }

    [Fact]
    public void The_rule_cycles_on_xor_with_the_errors_of_the_rule_written_out()
    {
        RuleRun run = PerceptronLesson.TrainPerceptron(TruthTables.Xor, maxEpochs: 20);
        Assert.Equal(HandWrittenRule(TruthTables.Xor, 20), run.ErrorsPerEpoch);
        Assert.Null(run.ConvergedAfter);
        Assert.NotNull(run.Cycle);
        Assert.All(run.ErrorsPerEpoch, e => Assert.True(e > 0));
        Assert.InRange(PerceptronLesson.Correct(run.Predictions, TruthTables.Xor), 0, 3);
    }

    [Fact]
    public void The_two_layer_network_learns_xor()
    {
        MlpRun run = PerceptronLesson.TrainMlp();
        Assert.Equal(4, PerceptronLesson.Correct(run.Outputs, TruthTables.Xor));
        Assert.True(run.Losses[^1] < run.Losses[0] / 10, $"loss {run.Losses[0]} -> {run.Losses[^1]}");
    }
}
