using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Schedules;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Optimizers;

/// <summary>
/// The learning-rate schedules against torch.optim.lr_scheduler over 30 epochs (vectors from
/// tests/reference/make_optimizer_reference.py), plus their state, allocation and argument checks.
/// </summary>
/// <remarks>
/// Tolerance: <c>|actual - expected| &lt;= 1e-6 * max(|expected|, 1e-12)</c>. PyTorch computes rates in
/// double, mostly by repeated multiplication; the C# schedules use the closed form in double and round
/// the result to float, so the error is the float rounding, about 6e-8.
/// </remarks>
public class ScheduleTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;
    private const double Floor = 1e-12;

    private static ScheduleReference Reference => ScheduleReference.Instance;

    public static IEnumerable<object[]> Cases => ScheduleReference.Instance.Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Learning_rates_match_pytorch(string name)
    {
        ScheduleCase reference = Reference[name];
        ILearningRateSchedule schedule = reference.Create();
        var mismatches = new List<string>();
        double worst = 0;
        for (int epoch = 0; epoch < Reference.Epochs; epoch++)
        {
            float actual = schedule.LearningRateFor(epoch, Reference.BaseLearningRate, Reference.MonitoredBefore(epoch));
            double expected = reference.LearningRates[epoch];
            double error = RelativeError.Of(actual, expected, Floor);
            worst = Math.Max(worst, error);
            if (!(error <= Tolerance))
                mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {actual:R} but PyTorch {expected:R} (error {error:E2})"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} ({reference.Schedule}, torch {Reference.TorchVersion}): max relative error {worst:E2} over {Reference.Epochs} epochs"));
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void Every_schedule_has_reference_cases()
    {
        string[] kinds = Reference.Cases.Select(c => c.Schedule).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["CosineAnnealing", "ExponentialDecay", "ReduceOnPlateau", "StepDecay"], kinds);
    }

    [Fact]
    public void Defaults_are_pytorchs()
    {
        Dictionary<string, Dictionary<string, JsonElement>> defaults = Reference.Defaults;
        Assert.Equal(new Hyperparameters(defaults["StepDecay"]).Float("gamma"), new StepDecay(5).Gamma);
        Assert.Equal(new Hyperparameters(defaults["CosineAnnealing"]).Float("min_learning_rate"), new CosineAnnealing(5).MinLearningRate);
        var plateau = new Hyperparameters(defaults["ReduceOnPlateau"]);
        var schedule = new ReduceOnPlateau();
        Assert.Equal(plateau.Float("factor"), schedule.Factor);
        Assert.Equal(plateau.Int("patience"), schedule.Patience);
        Assert.Equal(plateau.Float("threshold"), schedule.Threshold);
        Assert.Equal(plateau.Int("cooldown"), schedule.Cooldown);
        Assert.Equal(plateau.Float("min_learning_rate"), schedule.MinLearningRate);
    }

    [Fact]
    public void Reset_starts_the_plateau_schedule_over()
    {
        foreach (ScheduleCase reference in Reference.Cases.Where(c => c.Schedule == "ReduceOnPlateau"))
        {
            ILearningRateSchedule schedule = reference.Create();
            float[] first = Run(schedule);
            Assert.Contains(first, rate => rate < Reference.BaseLearningRate); // the run did reduce the rate

            schedule.Reset();
            // Without the reset the rate would stay reduced and epoch 0 would be rejected as going back.
            Assert.Equal(Reference.BaseLearningRate, schedule.LearningRateFor(0, Reference.BaseLearningRate, float.NaN));
            schedule.Reset();
            Assert.Equal(first, Run(schedule));
        }
    }

    [Fact]
    public void Reset_forgets_the_best_value_and_the_bad_epochs()
    {
        // Patience 1: two bad epochs reduce. One bad epoch before the reset must not count after it.
        var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 1);
        Assert.Equal(1f, schedule.LearningRateFor(0, 1f, float.NaN));
        Assert.Equal(1f, schedule.LearningRateFor(1, 1f, 0.5f));  // best 0.5
        Assert.Equal(1f, schedule.LearningRateFor(2, 1f, 0.9f));  // one bad epoch
        schedule.Reset();
        Assert.Equal(1f, schedule.LearningRateFor(0, 1f, float.NaN));
        Assert.Equal(1f, schedule.LearningRateFor(1, 1f, 0.9f));  // a fresh best, not a second bad epoch
        Assert.Equal(1f, schedule.LearningRateFor(2, 1f, 0.95f)); // the first bad epoch since the reset
        Assert.Equal(0.5f, schedule.LearningRateFor(3, 1f, 0.95f));
    }

    [Fact]
    public void Plateau_schedule_consumes_one_value_per_new_epoch()
    {
        var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 0);
        Assert.Equal(1f, schedule.LearningRateFor(0, 1f, float.NaN));
        Assert.Equal(1f, schedule.LearningRateFor(1, 1f, 0.5f));
        // Asking again for epoch 1 must not count 0.7 as a bad epoch.
        Assert.Equal(1f, schedule.LearningRateFor(1, 1f, 0.7f));
        Assert.Equal(0.5f, schedule.LearningRateFor(2, 1f, 0.7f));
        // NaN is never an improvement, as in PyTorch.
        Assert.Equal(0.25f, schedule.LearningRateFor(3, 1f, float.NaN));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.LearningRateFor(2, 1f, 0.1f));
        Assert.Equal("epoch", error.ParamName);
        Assert.Contains("Reset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stateless_schedules_depend_only_on_the_epoch()
    {
        foreach (ScheduleCase reference in Reference.Cases.Where(c => c.Schedule != "ReduceOnPlateau"))
        {
            ILearningRateSchedule schedule = reference.Create();
            float late = schedule.LearningRateFor(20, 0.1f, float.NaN);
            Assert.Equal(0.1f, schedule.LearningRateFor(0, 0.1f, 123f));
            Assert.Equal(late, schedule.LearningRateFor(20, 0.1f, -5f));
            schedule.Reset();
            Assert.Equal(late, schedule.LearningRateFor(20, 0.1f, float.NaN));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Learning_rate_for_allocates_nothing(string name)
    {
        ILearningRateSchedule schedule = Reference[name].Create();
        int epoch = 0;
        Assert.Equal(0, Allocations.PerRound(() => { epoch++; schedule.LearningRateFor(epoch, 0.1f, 1f / epoch); }));
    }

    [Fact]
    public void Constructors_reject_bad_values()
    {
        AssertRange("stepSize", "at least 1", () => new StepDecay(0));
        AssertRange("gamma", "[0, +inf)", () => new StepDecay(3, -0.1f));
        AssertRange("gamma", "[0, +inf)", () => new ExponentialDecay(float.NaN));
        AssertRange("tMax", "at least 1", () => new CosineAnnealing(0));
        AssertRange("minLearningRate", "[0, +inf)", () => new CosineAnnealing(10, -1e-3f));
        AssertRange("factor", "[0, 1)", () => new ReduceOnPlateau(factor: 1f));
        AssertRange("patience", "at least 0", () => new ReduceOnPlateau(patience: -1));
        AssertRange("threshold", "[0, 1)", () => new ReduceOnPlateau(threshold: -1e-4f));
        AssertRange("cooldown", "at least 0", () => new ReduceOnPlateau(cooldown: -1));
        AssertRange("minLearningRate", "[0, +inf)", () => new ReduceOnPlateau(minLearningRate: float.PositiveInfinity));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Queries_reject_bad_values(string name)
    {
        ILearningRateSchedule schedule = Reference[name].Create();
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => schedule.LearningRateFor(-1, 0.1f, 1f)).ParamName);
        Assert.Equal("baseLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => schedule.LearningRateFor(0, -0.1f, 1f)).ParamName);
        Assert.Equal("baseLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => schedule.LearningRateFor(0, float.NaN, 1f)).ParamName);
    }

    private static float[] Run(ILearningRateSchedule schedule) =>
        Enumerable.Range(0, Reference.Epochs)
            .Select(epoch => schedule.LearningRateFor(epoch, Reference.BaseLearningRate, Reference.MonitoredBefore(epoch)))
            .ToArray();

    private static void AssertRange(string parameterName, string range, Func<object> create)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(parameterName, error.ParamName);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
    }
}
