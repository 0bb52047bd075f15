using System;
using System.Collections.Generic;
using System.Linq;
using NeuralDsl;
using NeuralDsl.Training;

namespace Samples.Perceptron;

/// <summary>What the perceptron rule did on one truth table.</summary>
/// <param name="ErrorsPerEpoch">Misclassified samples in each epoch (before each sample's update).</param>
/// <param name="ConvergedAfter">The 1-based epoch with no error, or null if none within the budget.</param>
/// <param name="Cycle">
/// The first time the parameters at the end of an epoch (<c>Repeats</c>) were exactly those at the end of an
/// earlier one (<c>Of</c>): the rule is deterministic, so epochs <c>Of + 1</c> to <c>Repeats</c> then repeat,
/// with the same errors, forever. Null if that did not happen within the budget.
/// </param>
/// <param name="Parameters">The final weights and bias.</param>
/// <param name="Predictions">The trained perceptron's output for each input pair.</param>
public sealed record RuleRun(int[] ErrorsPerEpoch, int? ConvergedAfter, (int Of, int Repeats)? Cycle, float[] Parameters, float[] Predictions);

/// <summary>What gradient descent did with the two-layer network on XOR.</summary>
/// <param name="Losses">Binary cross-entropy after each full-batch step.</param>
/// <param name="Outputs">The trained network's probability of 1 for each input pair.</param>
public sealed record MlpRun(float[] Losses, float[] Outputs);

/// <summary>The lesson's three experiments, shared with its integration test.</summary>
public static class PerceptronLesson
{
    /// <summary>
    /// Step size of the perceptron rule. From zero weights any positive value gives the same boundaries,
    /// scaled; 1 keeps every weight a whole number, so the arithmetic is exact and the printed weights are
    /// exactly the ones used (with 0.1, a printed 0.2 - 0.2 need not be 0).
    /// </summary>
    public const float RuleLearningRate = 1f;

    /// <summary>
    /// Trains a fresh <see cref="Perceptron"/> with Rosenblatt's rule, one sample at a time in table order,
    /// until an epoch has no error or <paramref name="maxEpochs"/> have passed, watching for a cycle.
    /// </summary>
    public static RuleRun TrainPerceptron(float[] targets, int maxEpochs = 100)
    {
        var net = new Perceptron();
        float[] inputs = TruthTables.Inputs;
        var errors = new List<int>();
        var seen = new Dictionary<string, int>();
        int? converged = null;
        (int, int)? cycle = null;
        for (int epoch = 1; epoch <= maxEpochs; epoch++)
        {
            int wrong = PerceptronRule.Epoch(net, inputs, targets, RuleLearningRate);
            errors.Add(wrong);
            if (wrong == 0)
            {
                converged = epoch;
                break;
            }
            // Bit-exact key of the parameters: the same floats give the same next epoch.
            string key = string.Join(",", net.Parameters.ToArray().Select(BitConverter.SingleToInt32Bits));
            if (cycle is null && !seen.TryAdd(key, epoch)) cycle = (seen[key], epoch);
        }

        var predictions = new float[4];
        net.PredictBatch(inputs, predictions);
        return new RuleRun(errors.ToArray(), converged, cycle, net.Parameters.ToArray(), predictions);
    }

    /// <summary>Trains <see cref="XorMlp"/> (seed 1) with full-batch gradient descent on XOR for <paramref name="steps"/> steps.</summary>
    public static MlpRun TrainMlp(int steps = 2000)
    {
        var net = new XorMlp(seed: 1);
        float[] inputs = TruthTables.Inputs, targets = TruthTables.Xor;
        var losses = new float[steps];
        for (int step = 0; step < steps; step++) losses[step] = net.TrainStep(inputs, targets);
        var outputs = new float[4];
        net.PredictBatch(inputs, outputs);
        return new MlpRun(losses, outputs);
    }

    /// <summary>How many of <paramref name="outputs"/>, thresholded at 0.5, equal <paramref name="targets"/>.</summary>
    public static int Correct(float[] outputs, float[] targets) =>
        outputs.Zip(targets).Count(p => (p.First >= 0.5f ? 1f : 0f) == p.Second);
}
