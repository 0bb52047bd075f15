using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>
/// Every recurrent kernel against <see cref="RecurrentReference"/> in double precision: the forward
/// output, and the backward pass (parameters and input) against central differences of the loss
/// <c>L = sum_k w_k y_k</c>, whose output gradient is the random <c>w</c>; for the last output and for
/// the whole sequence. The sizes put units through the kernels' vector blocks and scalar tails.
/// </summary>
public class RecurrentGradientTests(ITestOutputHelper output)
{
    private const double Step = 1e-6;
    // GradientCheckTests.Errors' rule with a tighter bound than the generated networks' 1e-3: the worst entry measured 3e-5.
    private const double Tolerance = 1e-4;

    private static readonly Dictionary<string, RecurrentCase> Cases = new RecurrentCase[]
    {
        new(RecurrentKind.SimpleRnn, 4, 3, 5),
        new(RecurrentKind.SimpleRnn, 3, 2, 19),
        new(RecurrentKind.Lstm, 4, 3, 5),
        new(RecurrentKind.Lstm, 3, 2, 17),
        new(RecurrentKind.Gru, 4, 3, 5, ResetAfter: true),
        new(RecurrentKind.Gru, 4, 3, 5, ResetAfter: false),
        new(RecurrentKind.Gru, 3, 2, 11, ResetAfter: true),
        new(RecurrentKind.Gru, 3, 2, 11, ResetAfter: false),
        new(RecurrentKind.Gru, 3, 2, 25, ResetAfter: true),
        new(RecurrentKind.Gru, 3, 2, 25, ResetAfter: false),
        new(RecurrentKind.SimpleRnn, 4, 2, 3, Bidirectional: true),
        new(RecurrentKind.Lstm, 4, 2, 3, Bidirectional: true),
        new(RecurrentKind.Gru, 4, 2, 3, ResetAfter: true, Bidirectional: true),
        new(RecurrentKind.Gru, 4, 2, 3, ResetAfter: false, Bidirectional: true),
    }.ToDictionary(c => c.ToString());

    public static IEnumerable<object[]> Names => Cases.Keys.SelectMany(name => new[] { new object[] { name, false }, new object[] { name, true } });

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_matches_the_double_precision_definition(string name, bool returnSequences)
    {
        RecurrentCase c = Cases[name];
        (float[] x, float[] p) = Sample(c, 1);
        float[] y = new float[c.OutputSize(returnSequences)];
        c.Forward(x, p, new float[c.CacheSize], y, returnSequences);
        double[] reference = RecurrentReference.Output(c, Doubles(x), Doubles(p), returnSequences);
        double worst = 0;
        for (int k = 0; k < y.Length; k++)
        {
            double error = Math.Abs(y[k] - reference[k]) / Math.Max(Math.Abs(reference[k]), 1e-2);
            worst = Math.Max(worst, error);
            Assert.True(error <= 1e-5, $"{name}: output {k} is {y[k]}, reference {reference[k]}");
        }
        output.WriteLine($"{name}: max relative output error {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_matches_finite_differences(string name, bool returnSequences)
    {
        RecurrentCase c = Cases[name];
        foreach (int seed in new[] { 1, 2 })
        {
            (float[] x, float[] p) = Sample(c, seed);
            float[] w = RecurrentCase.Random(seed + 50, c.OutputSize(returnSequences), 1f);
            float[] cache = new float[c.CacheSize], y = new float[w.Length];
            c.Forward(x, p, cache, y, returnSequences);
            float[] gradients = new float[c.ParameterCount], dx = new float[c.InputSize];
            c.Backward(x, p, cache, w, returnSequences, gradients, dx, new float[c.BackwardScratchSize]);

            double[] pd = Doubles(p), xd = Doubles(x);
            double Loss() => RecurrentReference.Output(c, xd, pd, returnSequences).Select((v, k) => v * w[k]).Sum();
            double worstP = CheckAgainstDifferences($"{name} seed {seed} parameters", gradients, pd, Loss);
            double worstX = CheckAgainstDifferences($"{name} seed {seed} input", dx, xd, Loss);
            output.WriteLine($"{name} seed {seed}: max relative error parameters {worstP:E2}, input {worstX:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_adds_to_the_parameter_gradient_and_overwrites_the_input_gradient(string name, bool returnSequences)
    {
        RecurrentCase c = Cases[name];
        (float[] x, float[] p) = Sample(c, 3);
        float[] w = RecurrentCase.Random(7, c.OutputSize(returnSequences), 1f);
        float[] cache = new float[c.CacheSize], scratch = new float[c.BackwardScratchSize];
        c.Forward(x, p, cache, new float[w.Length], returnSequences);
        float[] once = new float[c.ParameterCount], dx = new float[c.InputSize];
        c.Backward(x, p, cache, w, returnSequences, once, dx, scratch);

        float[] accumulated = Enumerable.Repeat(1f, c.ParameterCount).ToArray(), stale = Enumerable.Repeat(float.NaN, c.InputSize).ToArray();
        c.Backward(x, p, cache, w, returnSequences, accumulated, stale, scratch);
        for (int i = 0; i < once.Length; i++) Assert.Equal(1f + once[i], accumulated[i], 1e-6f);
        Assert.Equal(dx, stale);

        float[] withoutInput = new float[c.ParameterCount];
        c.Backward(x, p, cache, w, returnSequences, withoutInput, [], scratch);
        Assert.Equal(once, withoutInput);
    }

    /// <summary>Every entry of <paramref name="gradient"/> against a central difference of <paramref name="loss"/> in <paramref name="values"/>; returns the worst error.</summary>
    private static double CheckAgainstDifferences(string label, float[] gradient, double[] values, Func<double> loss)
    {
        double[] fd = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double saved = values[i];
            values[i] = saved + Step;
            double plus = loss();
            values[i] = saved - Step;
            double minus = loss();
            values[i] = saved;
            fd[i] = (plus - minus) / (2 * Step);
        }
        double[] errors = GradientCheck.GradientCheckTests.Errors(gradient, fd);
        for (int i = 0; i < errors.Length; i++)
            Assert.True(errors[i] <= Tolerance, $"{label}: entry {i} gradient {gradient[i]} but finite difference {fd[i]} (relative error {errors[i]:E2})");
        return errors.Max();
    }

    internal static (float[] X, float[] P) Sample(RecurrentCase c, int seed) =>
        (RecurrentCase.Random(seed, c.InputSize, 1f), RecurrentCase.Random(seed + 1000, c.ParameterCount, 0.5f));

    private static double[] Doubles(float[] values) => values.Select(v => (double)v).ToArray();
}
