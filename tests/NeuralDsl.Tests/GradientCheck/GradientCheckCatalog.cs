using System;
using System.Collections.Generic;

namespace NeuralDsl.Tests.GradientCheck;

internal static class GradientCheckCatalog
{
    /// <summary>Every gradient-check network, by name, with its Huber delta (the reference needs it).</summary>
    public static readonly IReadOnlyDictionary<string, (Func<int, ITrainableNetwork> Create, double HuberDelta)> Networks =
        new Dictionary<string, (Func<int, ITrainableNetwork>, double)>
        {
            ["GradLinearMse"] = (seed => new GradLinearMse(seed), 1.0),
            ["GradSigmoidMse"] = (seed => new GradSigmoidMse(seed), 1.0),
            ["GradTanhMse"] = (seed => new GradTanhMse(seed), 1.0),
            ["GradReLUMse"] = (seed => new GradReLUMse(seed), 1.0),
            ["GradLeakyReLUMse"] = (seed => new GradLeakyReLUMse(seed), 1.0),
            ["GradELUMse"] = (seed => new GradELUMse(seed), 1.0),
            ["GradSELUMse"] = (seed => new GradSELUMse(seed), 1.0),
            ["GradSoftplusMse"] = (seed => new GradSoftplusMse(seed), 1.0),
            ["GradSoftmaxMse"] = (seed => new GradSoftmaxMse(seed), 1.0),
            ["GradPReLUMse"] = (seed => new GradPReLUMse(seed), 1.0),
            ["GradLinearMae"] = (seed => new GradLinearMae(seed), 1.0),
            ["GradSigmoidMae"] = (seed => new GradSigmoidMae(seed), 1.0),
            ["GradTanhMae"] = (seed => new GradTanhMae(seed), 1.0),
            ["GradReLUMae"] = (seed => new GradReLUMae(seed), 1.0),
            ["GradLeakyReLUMae"] = (seed => new GradLeakyReLUMae(seed), 1.0),
            ["GradELUMae"] = (seed => new GradELUMae(seed), 1.0),
            ["GradSELUMae"] = (seed => new GradSELUMae(seed), 1.0),
            ["GradSoftplusMae"] = (seed => new GradSoftplusMae(seed), 1.0),
            ["GradSoftmaxMae"] = (seed => new GradSoftmaxMae(seed), 1.0),
            ["GradPReLUMae"] = (seed => new GradPReLUMae(seed), 1.0),
            ["GradLinearHuber"] = (seed => new GradLinearHuber(seed), 0.5),
            ["GradSigmoidHuber"] = (seed => new GradSigmoidHuber(seed), 0.5),
            ["GradTanhHuber"] = (seed => new GradTanhHuber(seed), 0.5),
            ["GradReLUHuber"] = (seed => new GradReLUHuber(seed), 0.5),
            ["GradLeakyReLUHuber"] = (seed => new GradLeakyReLUHuber(seed), 0.5),
            ["GradELUHuber"] = (seed => new GradELUHuber(seed), 0.5),
            ["GradSELUHuber"] = (seed => new GradSELUHuber(seed), 0.5),
            ["GradSoftplusHuber"] = (seed => new GradSoftplusHuber(seed), 0.5),
            ["GradSoftmaxHuber"] = (seed => new GradSoftmaxHuber(seed), 0.5),
            ["GradPReLUHuber"] = (seed => new GradPReLUHuber(seed), 0.5),
            ["GradLinearHinge"] = (seed => new GradLinearHinge(seed), 1.0),
            ["GradSigmoidHinge"] = (seed => new GradSigmoidHinge(seed), 1.0),
            ["GradTanhHinge"] = (seed => new GradTanhHinge(seed), 1.0),
            ["GradReLUHinge"] = (seed => new GradReLUHinge(seed), 1.0),
            ["GradLeakyReLUHinge"] = (seed => new GradLeakyReLUHinge(seed), 1.0),
            ["GradELUHinge"] = (seed => new GradELUHinge(seed), 1.0),
            ["GradSELUHinge"] = (seed => new GradSELUHinge(seed), 1.0),
            ["GradSoftplusHinge"] = (seed => new GradSoftplusHinge(seed), 1.0),
            ["GradSoftmaxHinge"] = (seed => new GradSoftmaxHinge(seed), 1.0),
            ["GradPReLUHinge"] = (seed => new GradPReLUHinge(seed), 1.0),
            ["GradSigmoidBce"] = (seed => new GradSigmoidBce(seed), 1.0),
            ["GradSoftmaxBce"] = (seed => new GradSoftmaxBce(seed), 1.0),
            ["GradSoftmaxCce"] = (seed => new GradSoftmaxCce(seed), 1.0),
            ["GradSigmoidCce"] = (seed => new GradSigmoidCce(seed), 1.0),
            ["GradSoftmaxSparseCce"] = (seed => new GradSoftmaxSparseCce(seed), 1.0),
            ["GradSigmoidSparseCce"] = (seed => new GradSigmoidSparseCce(seed), 1.0),
            ["GradDeepStack"] = (seed => new GradDeepStack(seed), 1.0),
            ["GradWideLooped"] = (seed => new GradWideLooped(seed), 1.0),
        };
}
