using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NeuralDsl.Optimizers;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Optimizers;

/// <summary>
/// Every optimiser variant against torch.optim: the same float32 parameters and gradients, ten steps,
/// the parameters compared after each one (vectors from tests/reference/make_optimizer_reference.py).
/// </summary>
/// <remarks>
/// Tolerance: <c>|actual - expected| &lt;= 1e-5 * max(|expected|, 1e-2)</c>. Both sides run the same
/// float32 operations in the same order, so the error is expected to be zero or a few roundings; a
/// wrong formula, constant or order of bias correction and epsilon misses by orders of magnitude more.
/// </remarks>
public class OptimizerParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;
    private const double Floor = 1e-2;
    // 1300 values: two full blocks of ElementwiseOps.BlockSize and a partial one.
    private const int Tiles = 65;

    private static OptimizerReference Reference => OptimizerReference.Instance;

    public static IEnumerable<object[]> Cases => OptimizerReference.Instance.Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parameters_match_pytorch_after_every_step(string name)
    {
        OptimizerCase reference = Reference[name];
        float[] parameters = (float[])Reference.InitialParameters.Clone();
        IOptimizer optimizer = reference.Create(parameters.Length);
        var mismatches = new List<string>();
        double worst = 0;
        for (int step = 0; step < Reference.Steps; step++)
        {
            float[] gradients = Reference.Gradients[step];
            float[] untouched = (float[])gradients.Clone();
            optimizer.Step(parameters, gradients);
            Assert.Equal(untouched, gradients);
            for (int i = 0; i < parameters.Length; i++)
            {
                double expected = reference.Parameters[step][i];
                double error = RelativeError.Of(parameters[i], expected, Floor);
                worst = Math.Max(worst, error);
                if (!(error <= Tolerance))
                    mismatches.Add(string.Create(CultureInfo.InvariantCulture,
                        $"step {step + 1}, parameter {i}: {parameters[i]:R} but PyTorch {expected:R} (error {error:E2})"));
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} ({reference.Optimizer}, torch {Reference.TorchVersion}): max relative error {worst:E2} over {Reference.Steps} steps"));
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(20)));
    }

    [Fact]
    public void Every_optimizer_kind_has_reference_cases()
    {
        string[] kinds = Reference.Cases.Select(c => c.Optimizer).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enum.GetNames<Optimizer>().Order(StringComparer.Ordinal), kinds);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Block_boundaries_do_not_change_the_update(string name)
    {
        // The same coordinates repeated across several blocks: each must take exactly the path it takes alone.
        OptimizerCase reference = Reference[name];
        int size = Reference.InitialParameters.Length;
        float[] alone = (float[])Reference.InitialParameters.Clone();
        float[] tiled = Tile(Reference.InitialParameters);
        IOptimizer small = reference.Create(size), large = reference.Create(tiled.Length);
        for (int step = 0; step < Reference.Steps; step++)
        {
            small.Step(alone, Reference.Gradients[step]);
            large.Step(tiled, Tile(Reference.Gradients[step]));
            for (int tile = 0; tile < Tiles; tile++)
                Assert.Equal(alone, tiled.AsSpan(tile * size, size).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reset_starts_the_optimizer_over(string name)
    {
        OptimizerCase reference = Reference[name];
        IOptimizer optimizer = reference.Create(Reference.InitialParameters.Length);
        float[][] first = Run(optimizer);
        optimizer.Reset();
        float[][] second = Run(optimizer);
        for (int step = 0; step < Reference.Steps; step++)
            Assert.Equal(first[step], second[step]);
    }

    [Fact]
    public void State_carries_over_without_reset()
    {
        // The Reset test above would pass for any optimiser whose state did not matter; check that it does.
        foreach (OptimizerCase reference in Reference.Cases.Where(c => c.Name != "sgd" && c.Name != "sgd_weight_decay"))
        {
            IOptimizer optimizer = reference.Create(Reference.InitialParameters.Length);
            float[][] first = Run(optimizer);
            float[][] continued = Run(optimizer);
            Assert.NotEqual(first[0], continued[0]);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_allocates_nothing(string name)
    {
        float[] parameters = Tile(Reference.InitialParameters), gradients = Tile(Reference.Gradients[0]);
        IOptimizer optimizer = Reference[name].Create(parameters.Length);
        Assert.Equal(0, Allocations.PerRound(() => optimizer.Step(parameters, gradients)));
    }

    [Fact]
    public void Learning_rate_changes_between_steps_take_effect()
    {
        // Schedules set LearningRate between steps: a rate of 0 must freeze SGD, and the new rate must be used.
        var sgd = new Sgd(2, learningRate: 0.5f);
        float[] parameters = [1f, 2f];
        sgd.LearningRate = 0f;
        sgd.Step(parameters, [1f, 1f]);
        Assert.Equal([1f, 2f], parameters);
        sgd.LearningRate = 0.25f;
        sgd.Step(parameters, [1f, 1f]);
        Assert.Equal([0.75f, 1.75f], parameters);
    }

    private static float[][] Run(IOptimizer optimizer)
    {
        float[] parameters = (float[])Reference.InitialParameters.Clone();
        var trajectory = new float[Reference.Steps][];
        for (int step = 0; step < Reference.Steps; step++)
        {
            optimizer.Step(parameters, Reference.Gradients[step]);
            trajectory[step] = (float[])parameters.Clone();
        }
        return trajectory;
    }

    private static float[] Tile(float[] values)
    {
        var tiled = new float[values.Length * Tiles];
        for (int tile = 0; tile < Tiles; tile++)
            values.CopyTo(tiled, tile * values.Length);
        return tiled;
    }
}
