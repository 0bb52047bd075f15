using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Optimizers;

namespace NeuralDsl.Tests.Optimizers;

/// <summary>Constructor checks (PyTorch's ranges), span checks, defaults and the factory.</summary>
public class OptimizerArgumentTests
{
    public static IEnumerable<object[]> Kinds => Enum.GetNames<Optimizer>().Select(name => new object[] { name });

    /// <summary>Each optimiser with its most stateful options, so every buffer exists.</summary>
    private static IOptimizer Create(string kind, int parameterCount) => Enum.Parse<Optimizer>(kind) switch
    {
        Optimizer.Sgd => new Sgd(parameterCount, 0.1f, momentum: 0.9f, weightDecay: 0.01f),
        Optimizer.Adagrad => new Adagrad(parameterCount, weightDecay: 0.01f),
        Optimizer.RMSprop => new RMSprop(parameterCount, momentum: 0.9f, centered: true),
        Optimizer.Adam => new Adam(parameterCount, amsgrad: true),
        _ => new AdamW(parameterCount),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Step_rejects_spans_of_another_length_naming_the_expected_one(string kind)
    {
        IOptimizer optimizer = Create(kind, 3);
        var parameters = ArgumentException(() => optimizer.Step(new float[4], new float[3]));
        Assert.Equal("parameters", parameters.ParamName);
        Assert.Contains("length 3", parameters.Message, StringComparison.Ordinal);
        Assert.Contains("got 4", parameters.Message, StringComparison.Ordinal);
        var gradients = ArgumentException(() => optimizer.Step(new float[3], new float[2]));
        Assert.Equal("gradients", gradients.ParamName);
        Assert.Contains("length 3", gradients.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Step_rejects_overlapping_spans(string kind)
    {
        IOptimizer optimizer = Create(kind, 3);
        float[] buffer = new float[4];
        var error = ArgumentException(() => optimizer.Step(buffer.AsSpan(0, 3), buffer.AsSpan(1, 3)));
        Assert.Equal("gradients", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Constructor_and_learning_rate_setter_reject_bad_values(string kind)
    {
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(() => Create(kind, 0)).ParamName);
        IOptimizer optimizer = Create(kind, 2);
        foreach (float bad in new[] { -1e-3f, float.NaN, float.PositiveInfinity })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = bad);
            Assert.Contains("[0, +inf)", error.Message, StringComparison.Ordinal);
        }
        optimizer.LearningRate = 0f;
        Assert.Equal(0f, optimizer.LearningRate);
    }

    [Fact]
    public void Sgd_rejects_what_pytorch_rejects()
    {
        AssertRange("learningRate", "[0, +inf)", () => new Sgd(1, -0.1f));
        AssertRange("momentum", "[0, +inf)", () => new Sgd(1, 0.1f, momentum: -0.5f));
        AssertRange("weightDecay", "[0, +inf)", () => new Sgd(1, 0.1f, weightDecay: -1e-4f));
        AssertRange("dampening", "[0, 1]", () => new Sgd(1, 0.1f, momentum: 0.9f, dampening: 1.5f));
        AssertRange("momentum", "(0, +inf)", () => new Sgd(1, 0.1f, nesterov: true));
        AssertRange("dampening", "0", () => new Sgd(1, 0.1f, momentum: 0.9f, dampening: 0.1f, nesterov: true));
    }

    [Fact]
    public void Adagrad_rejects_what_pytorch_rejects()
    {
        AssertRange("learningRate", "[0, +inf)", () => new Adagrad(1, learningRate: -1f));
        AssertRange("learningRateDecay", "[0, +inf)", () => new Adagrad(1, learningRateDecay: -1f));
        AssertRange("weightDecay", "[0, +inf)", () => new Adagrad(1, weightDecay: float.NaN));
        AssertRange("initialAccumulatorValue", "[0, +inf)", () => new Adagrad(1, initialAccumulatorValue: -1f));
        AssertRange("epsilon", "[0, +inf)", () => new Adagrad(1, epsilon: -1e-10f));
    }

    [Fact]
    public void RMSprop_rejects_what_pytorch_rejects()
    {
        AssertRange("learningRate", "[0, +inf)", () => new RMSprop(1, learningRate: -1f));
        AssertRange("alpha", "[0, 1]", () => new RMSprop(1, alpha: -0.1f));
        AssertRange("alpha", "[0, 1]", () => new RMSprop(1, alpha: 1.5f));
        AssertRange("epsilon", "[0, +inf)", () => new RMSprop(1, epsilon: -1f));
        AssertRange("weightDecay", "[0, +inf)", () => new RMSprop(1, weightDecay: -1f));
        AssertRange("momentum", "[0, +inf)", () => new RMSprop(1, momentum: -1f));
    }

    [Fact]
    public void Adam_and_AdamW_reject_what_pytorch_rejects()
    {
        foreach (var create in new Func<float, float, float, float, float, IOptimizer>[]
                 {
                     (lr, b1, b2, eps, wd) => new Adam(1, lr, b1, b2, eps, wd),
                     (lr, b1, b2, eps, wd) => new AdamW(1, lr, b1, b2, eps, wd),
                 })
        {
            AssertRange("learningRate", "[0, +inf)", () => create(-1e-3f, 0.9f, 0.999f, 1e-8f, 0f));
            AssertRange("beta1", "[0, 1)", () => create(1e-3f, 1f, 0.999f, 1e-8f, 0f));
            AssertRange("beta1", "[0, 1)", () => create(1e-3f, -0.1f, 0.999f, 1e-8f, 0f));
            AssertRange("beta2", "[0, 1)", () => create(1e-3f, 0.9f, 1f, 1e-8f, 0f));
            AssertRange("beta2", "[0, 1)", () => create(1e-3f, 0.9f, float.NaN, 1e-8f, 0f));
            AssertRange("epsilon", "[0, +inf)", () => create(1e-3f, 0.9f, 0.999f, -1e-8f, 0f));
            AssertRange("weightDecay", "[0, +inf)", () => create(1e-3f, 0.9f, 0.999f, 1e-8f, -0.01f));
        }
    }

    [Fact]
    public void Boundary_values_pytorch_accepts_are_accepted()
    {
        _ = new Sgd(1, 0f, momentum: 0f, dampening: 1f);
        _ = new Adagrad(1, 0f, 0f, 0f, 0f, 0f);
        _ = new RMSprop(1, 0f, alpha: 0f, epsilon: 0f);
        _ = new RMSprop(1, alpha: 1f);
        _ = new Adam(1, 0f, beta1: 0f, beta2: 0f, epsilon: 0f);
        _ = new AdamW(1, 0f, beta1: 0f, beta2: 0f, epsilon: 0f, weightDecay: 0f);
    }

    [Fact]
    public void Defaults_are_pytorchs()
    {
        Dictionary<string, Dictionary<string, JsonElement>> defaults = OptimizerReference.Instance.Defaults;
        var sgd = new Hyperparameters(defaults["Sgd"]);
        var plain = new Sgd(1, 0.1f);
        Assert.Equal(sgd.Float("momentum"), plain.Momentum);
        Assert.Equal(sgd.Float("dampening"), plain.Dampening);
        Assert.Equal(sgd.Bool("nesterov"), plain.Nesterov);
        Assert.Equal(sgd.Float("weight_decay"), plain.WeightDecay);

        var adagrad = new Hyperparameters(defaults["Adagrad"]);
        var a = new Adagrad(1);
        Assert.Equal(adagrad.Float("learning_rate"), a.LearningRate);
        Assert.Equal(adagrad.Float("learning_rate_decay"), a.LearningRateDecay);
        Assert.Equal(adagrad.Float("weight_decay"), a.WeightDecay);
        Assert.Equal(adagrad.Float("initial_accumulator_value"), a.InitialAccumulatorValue);
        Assert.Equal(adagrad.Float("epsilon"), a.Epsilon);

        var rmsprop = new Hyperparameters(defaults["RMSprop"]);
        var r = new RMSprop(1);
        Assert.Equal(rmsprop.Float("learning_rate"), r.LearningRate);
        Assert.Equal(rmsprop.Float("alpha"), r.Alpha);
        Assert.Equal(rmsprop.Float("epsilon"), r.Epsilon);
        Assert.Equal(rmsprop.Float("weight_decay"), r.WeightDecay);
        Assert.Equal(rmsprop.Float("momentum"), r.Momentum);
        Assert.Equal(rmsprop.Bool("centered"), r.Centered);

        var adam = new Hyperparameters(defaults["Adam"]);
        var m = new Adam(1);
        Assert.Equal(adam.Float("learning_rate"), m.LearningRate);
        Assert.Equal(adam.Float("beta1"), m.Beta1);
        Assert.Equal(adam.Float("beta2"), m.Beta2);
        Assert.Equal(adam.Float("epsilon"), m.Epsilon);
        Assert.Equal(adam.Float("weight_decay"), m.WeightDecay);
        Assert.Equal(adam.Bool("amsgrad"), m.AmsGrad);

        var adamW = new Hyperparameters(defaults["AdamW"]);
        var w = new AdamW(1);
        Assert.Equal(adamW.Float("learning_rate"), w.LearningRate);
        Assert.Equal(adamW.Float("beta1"), w.Beta1);
        Assert.Equal(adamW.Float("beta2"), w.Beta2);
        Assert.Equal(adamW.Float("epsilon"), w.Epsilon);
        Assert.Equal(adamW.Float("weight_decay"), w.WeightDecay);
        Assert.Equal(adamW.Bool("amsgrad"), w.AmsGrad);
    }

    [Fact]
    public void Factory_maps_each_kind_and_its_hyperparameters()
    {
        var sgd = Assert.IsType<Sgd>(OptimizerFactory.Create(Optimizer.Sgd, 5, 0.1f, 0.9f, true, 0.8f, 0.99f, float.NaN, float.NaN));
        Assert.Equal((5, 0.1f, 0.9f, true, 0f, 0f), (sgd.ParameterCount, sgd.LearningRate, sgd.Momentum, sgd.Nesterov, sgd.Dampening, sgd.WeightDecay));

        var adagrad = Assert.IsType<Adagrad>(OptimizerFactory.Create(Optimizer.Adagrad, 5, 0.2f, 0.9f, false, 0.8f, 0.99f, float.NaN, 0.01f));
        Assert.Equal((0.2f, 1e-10f, 0.01f), (adagrad.LearningRate, adagrad.Epsilon, adagrad.WeightDecay));

        var rmsprop = Assert.IsType<RMSprop>(OptimizerFactory.Create(Optimizer.RMSprop, 5, 0.01f, 0.5f, false, 0.8f, 0.99f, 1e-6f, float.NaN));
        Assert.Equal((0.01f, 0.5f, 1e-6f, 0f, 0.99f), (rmsprop.LearningRate, rmsprop.Momentum, rmsprop.Epsilon, rmsprop.WeightDecay, rmsprop.Alpha));

        var adam = Assert.IsType<Adam>(OptimizerFactory.Create(Optimizer.Adam, 5, 1e-3f, 0.9f, false, 0.8f, 0.99f, float.NaN, float.NaN));
        Assert.Equal((1e-3f, 0.8f, 0.99f, 1e-8f, 0f), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay));

        var adamW = Assert.IsType<AdamW>(OptimizerFactory.Create(Optimizer.AdamW, 5, 1e-3f, 0f, false, 0.9f, 0.999f, 1e-7f, float.NaN));
        Assert.Equal((1e-7f, 0.01f), (adamW.Epsilon, adamW.WeightDecay));
        var explicitDecay = Assert.IsType<AdamW>(OptimizerFactory.Create(Optimizer.AdamW, 5, 1e-3f, 0f, false, 0.9f, 0.999f, float.NaN, 0.1f));
        Assert.Equal(0.1f, explicitDecay.WeightDecay);

        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(
            () => OptimizerFactory.Create((Optimizer)99, 5, 0.1f, 0f, false, 0.9f, 0.999f, float.NaN, float.NaN)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(
            () => OptimizerFactory.Create(Optimizer.Adam, 5, 0.1f, 0f, false, 1f, 0.999f, float.NaN, float.NaN)).ParamName);
    }

    private static ArgumentException ArgumentException(Action action)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        Assert.IsNotType<ArgumentOutOfRangeException>(error);
        return error;
    }

    private static void AssertRange(string parameterName, string range, Func<object> create)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(parameterName, error.ParamName);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
    }
}
