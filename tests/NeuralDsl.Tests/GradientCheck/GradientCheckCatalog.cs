using System;
using System.Collections.Generic;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// A gradient-check network: how to create it from a seed, and what its layer table does not tell the
/// reference (the Huber delta and the declared penalties, repeated from its declaration).
/// </summary>
internal sealed record GradientCheckCase(Func<int, ITrainableNetwork> Create, double HuberDelta = 1.0)
{
    public IReadOnlyList<LayerPenalty> Penalties { get; init; } = [];
}

internal static class GradientCheckCatalog
{
    /// <summary>Every gradient-check network, by name.</summary>
    public static readonly IReadOnlyDictionary<string, GradientCheckCase> Networks =
        new Dictionary<string, GradientCheckCase>
        {
            ["GradLinearMse"] = new(seed => new GradLinearMse(seed)),
            ["GradSigmoidMse"] = new(seed => new GradSigmoidMse(seed)),
            ["GradTanhMse"] = new(seed => new GradTanhMse(seed)),
            ["GradReLUMse"] = new(seed => new GradReLUMse(seed)),
            ["GradLeakyReLUMse"] = new(seed => new GradLeakyReLUMse(seed)),
            ["GradELUMse"] = new(seed => new GradELUMse(seed)),
            ["GradSELUMse"] = new(seed => new GradSELUMse(seed)),
            ["GradSoftplusMse"] = new(seed => new GradSoftplusMse(seed)),
            ["GradSoftmaxMse"] = new(seed => new GradSoftmaxMse(seed)),
            ["GradPReLUMse"] = new(seed => new GradPReLUMse(seed)),
            ["GradLinearMae"] = new(seed => new GradLinearMae(seed)),
            ["GradSigmoidMae"] = new(seed => new GradSigmoidMae(seed)),
            ["GradTanhMae"] = new(seed => new GradTanhMae(seed)),
            ["GradReLUMae"] = new(seed => new GradReLUMae(seed)),
            ["GradLeakyReLUMae"] = new(seed => new GradLeakyReLUMae(seed)),
            ["GradELUMae"] = new(seed => new GradELUMae(seed)),
            ["GradSELUMae"] = new(seed => new GradSELUMae(seed)),
            ["GradSoftplusMae"] = new(seed => new GradSoftplusMae(seed)),
            ["GradSoftmaxMae"] = new(seed => new GradSoftmaxMae(seed)),
            ["GradPReLUMae"] = new(seed => new GradPReLUMae(seed)),
            ["GradLinearHuber"] = new(seed => new GradLinearHuber(seed), HuberDelta: 0.5),
            ["GradSigmoidHuber"] = new(seed => new GradSigmoidHuber(seed), HuberDelta: 0.5),
            ["GradTanhHuber"] = new(seed => new GradTanhHuber(seed), HuberDelta: 0.5),
            ["GradReLUHuber"] = new(seed => new GradReLUHuber(seed), HuberDelta: 0.5),
            ["GradLeakyReLUHuber"] = new(seed => new GradLeakyReLUHuber(seed), HuberDelta: 0.5),
            ["GradELUHuber"] = new(seed => new GradELUHuber(seed), HuberDelta: 0.5),
            ["GradSELUHuber"] = new(seed => new GradSELUHuber(seed), HuberDelta: 0.5),
            ["GradSoftplusHuber"] = new(seed => new GradSoftplusHuber(seed), HuberDelta: 0.5),
            ["GradSoftmaxHuber"] = new(seed => new GradSoftmaxHuber(seed), HuberDelta: 0.5),
            ["GradPReLUHuber"] = new(seed => new GradPReLUHuber(seed), HuberDelta: 0.5),
            ["GradLinearHinge"] = new(seed => new GradLinearHinge(seed)),
            ["GradSigmoidHinge"] = new(seed => new GradSigmoidHinge(seed)),
            ["GradTanhHinge"] = new(seed => new GradTanhHinge(seed)),
            ["GradReLUHinge"] = new(seed => new GradReLUHinge(seed)),
            ["GradLeakyReLUHinge"] = new(seed => new GradLeakyReLUHinge(seed)),
            ["GradELUHinge"] = new(seed => new GradELUHinge(seed)),
            ["GradSELUHinge"] = new(seed => new GradSELUHinge(seed)),
            ["GradSoftplusHinge"] = new(seed => new GradSoftplusHinge(seed)),
            ["GradSoftmaxHinge"] = new(seed => new GradSoftmaxHinge(seed)),
            ["GradPReLUHinge"] = new(seed => new GradPReLUHinge(seed)),
            ["GradSigmoidBce"] = new(seed => new GradSigmoidBce(seed)),
            ["GradSoftmaxBce"] = new(seed => new GradSoftmaxBce(seed)),
            ["GradSoftmaxCce"] = new(seed => new GradSoftmaxCce(seed)),
            ["GradSigmoidCce"] = new(seed => new GradSigmoidCce(seed)),
            ["GradSoftmaxSparseCce"] = new(seed => new GradSoftmaxSparseCce(seed)),
            ["GradSigmoidSparseCce"] = new(seed => new GradSigmoidSparseCce(seed)),
            ["GradDeepStack"] = new(seed => new GradDeepStack(seed)),
            ["GradWideLooped"] = new(seed => new GradWideLooped(seed)),
            ["GradBatchNormRelu"] = new(seed => new GradBatchNormRelu(seed)),
            ["GradBatchNormTanh"] = new(seed => new GradBatchNormTanh(seed)),
            ["GradBatchNormWideLooped"] = new(seed => new GradBatchNormWideLooped(seed)),
            ["GradBatchNormPenalised"] = new(seed => new GradBatchNormPenalised(seed))
            {
                Penalties = [new LayerPenalty(0, KernelL2: 0.01f), new LayerPenalty(4, KernelL1: 0.005f, BiasL2: 0.02f)],
            },
            ["GradBatchNormFirstAndLast"] = new(seed => new GradBatchNormFirstAndLast(seed)),
            ["GradActivationLayers"] = new(seed => new GradActivationLayers(seed)),
            ["GradActivationFirst"] = new(seed => new GradActivationFirst(seed)),
            ["GradNoBias"] = new(seed => new GradNoBias(seed), HuberDelta: 0.5),
            ["GradDropoutRateZero"] = new(seed => new GradDropoutRateZero(seed)),
            ["GradPenalties"] = new(seed => new GradPenalties(seed))
            {
                Penalties = [new LayerPenalty(0, KernelL1: 0.01f, KernelL2: 0.02f), new LayerPenalty(1, BiasL1: 0.03f, BiasL2: 0.05f)],
            },
            ["GradLogitsBce"] = new(seed => new GradLogitsBce(seed)),
            ["GradLogitsCce"] = new(seed => new GradLogitsCce(seed)),
            ["GradLogitsSparseCce"] = new(seed => new GradLogitsSparseCce(seed)),
            ["GradLogitsOnSigmoid"] = new(seed => new GradLogitsOnSigmoid(seed)),
        };
}
