using System;
using System.Collections.Generic;
using System.Linq;

namespace Samples.Perceptron;

/// <summary>
/// The course's first lesson, run: the perceptron rule learns AND, never learns XOR, and a network with
/// a hidden layer trained by gradient descent does. <c>dotnet run -c Release --project samples/Perceptron</c>;
/// exits with 1 if any of the three claims fails.
/// </summary>
public static class Program
{
    public static int Main()
    {
        var failures = new List<string>();
        float[] inputs = TruthTables.Inputs;

        Console.WriteLine($"1. Rosenblatt's rule on AND (linearly separable): w += lr (y - y_hat) x, b += lr (y - y_hat), lr = {PerceptronLesson.RuleLearningRate}, from w = 0, b = 0");
        RuleRun and = PerceptronLesson.TrainPerceptron(TruthTables.And);
        PrintErrors(and);
        Console.WriteLine($"   converged: {(and.ConvergedAfter is int e ? $"yes, epoch {e} had no error" : "no")}; "
            + $"w = ({and.Parameters[0]:0.###}, {and.Parameters[1]:0.###}), b = {and.Parameters[2]:0.###}");
        PrintTable(TruthTables.And, and.Predictions, "AND");
        if (and.ConvergedAfter is null || PerceptronLesson.Correct(and.Predictions, TruthTables.And) != 4)
            failures.Add("the perceptron rule did not learn AND");

        Console.WriteLine();
        Console.WriteLine("2. The same rule on XOR (not linearly separable)");
        RuleRun xor = PerceptronLesson.TrainPerceptron(TruthTables.Xor, maxEpochs: 20);
        PrintErrors(xor);
        if (xor.Cycle is var (of, repeats))
            Console.WriteLine($"   never converges: the weights and bias after epoch {repeats} are exactly those after epoch {of}, so from there "
                + $"{(repeats - of == 1 ? "every epoch repeats that one" : $"epochs {of + 1}-{repeats} repeat")} forever, never with fewer than "
                + $"{xor.ErrorsPerEpoch[of..repeats].Min()} error(s)");
        int xorCorrect = PerceptronLesson.Correct(xor.Predictions, TruthTables.Xor);
        PrintTable(TruthTables.Xor, xor.Predictions, "XOR");
        Console.WriteLine($"   {xorCorrect}/4 right: one line can separate at most 3 of XOR's 4 points");
        if (xor.ConvergedAfter is not null || xor.Cycle is null || xorCorrect == 4)
            failures.Add("the perceptron rule was expected to cycle without learning XOR");

        Console.WriteLine();
        Console.WriteLine("3. A hidden layer: 2-4-1, tanh then sigmoid, binary cross-entropy, full-batch gradient descent (lr 0.3)");
        MlpRun mlp = PerceptronLesson.TrainMlp();
        foreach (int step in new[] { 1, 10, 100, 500, 1000, 2000 })
            Console.WriteLine($"   step {step,4}: loss {mlp.Losses[step - 1]:F4}");
        PrintTable(TruthTables.Xor, mlp.Outputs, "XOR");
        int mlpCorrect = PerceptronLesson.Correct(mlp.Outputs, TruthTables.Xor);
        Console.WriteLine($"   {mlpCorrect}/4 right");
        if (mlpCorrect != 4)
            failures.Add("the two-layer network did not learn XOR");

        Console.WriteLine();
        foreach (string failure in failures) Console.Error.WriteLine($"lesson failed: {failure}");
        if (failures.Count == 0) Console.WriteLine("all three claims hold");
        return failures.Count == 0 ? 0 : 1;

        void PrintTable(float[] targets, float[] outputs, string name)
        {
            for (int n = 0; n < 4; n++)
                Console.WriteLine($"   {inputs[2 * n]} {name} {inputs[2 * n + 1]} = {targets[n]}  predicted {Format(outputs[n])}");
        }
    }

    private static string Format(float output) =>
        output is 0f or 1f ? output.ToString("0") : $"{(output >= 0.5f ? 1 : 0)} (p = {output:F4})";

    private static void PrintErrors(RuleRun run) =>
        Console.WriteLine($"   errors per epoch: {string.Join(" ", run.ErrorsPerEpoch)}");
}
