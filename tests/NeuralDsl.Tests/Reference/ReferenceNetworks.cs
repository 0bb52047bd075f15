using System;
using System.Collections.Generic;
using NeuralDsl;

namespace NeuralDsl.Tests.Reference;

// The networks of tests/reference/make_reference.py, declared for the generator. Each declaration
// must match its entry there (the parity test checks layers, loss and hyperparameters against the
// JSON); initialisers do not matter, since the test overwrites every parameter and state value.

[Network(Inputs = 3, Loss = Loss.MeanSquaredError, LearningRate = 0.1f)]
[Dense(4, Activation.Tanh)]
[Dense(2, Activation.Linear)]
public partial class PtTanhMse;

[Network(Inputs = 4, Loss = Loss.MeanAbsoluteError, LearningRate = 0.05f)]
[Dense(6, Activation.ReLU)]
[Dense(3, Activation.Linear)]
public partial class PtReluMae;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f, LearningRate = 0.1f)]
[Dense(5, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(2, Activation.Linear)]
public partial class PtLeakyReluHuber;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
[Dense(4, Activation.ELU, Alpha = 0.7f)]
[Dense(2, Activation.Sigmoid)]
public partial class PtEluSigmoidBce;

[Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy, LearningRate = 0.5f)]
[Dense(5, Activation.SELU)]
[Dense(3, Activation.Softmax)]
public partial class PtSeluSoftmaxCce;

[Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy, LearningRate = 0.5f)]
[Dense(4, Activation.Softplus)]
[Dense(4, Activation.Softmax)]
public partial class PtSoftplusSoftmaxSparse;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
[Dense(4, Activation.PReLU)]
[Dense(3, Activation.Softmax)]
public partial class PtPReluSoftmaxBce;

[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy, LearningRate = 0.5f)]
[Dense(4, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public partial class PtSigmoidSigmoidCce;

[Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy, LearningRate = 0.5f)]
[Dense(4, Activation.Linear)]
[Dense(3, Activation.Sigmoid)]
public partial class PtLinearSigmoidSparse;

[Network(Inputs = 3, Loss = Loss.Hinge, LearningRate = 0.1f)]
[Dense(4, Activation.Softplus)]
[Dense(2, Activation.Linear)]
public partial class PtSoftplusHinge;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, LearningRate = 0.05f)]
[Dense(6, Activation.LeakyReLU)]
[Dense(5, Activation.ELU)]
[Dense(4, Activation.PReLU, Alpha = 0.1f)]
[Dense(2, Activation.Linear)]
public partial class PtDeepMse;

// 12 x 24 and 24 x 16 weights exceed the generator's unroll limit: the loop-and-kernel code path.
[Network(Inputs = 12, Loss = Loss.CategoricalCrossEntropy, LearningRate = 0.2f)]
[Dense(24, Activation.PReLU, Alpha = 0.3f)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class PtWideSoftmaxCce;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError, LearningRate = 0.1f)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.PReLU, Alpha = 0.2f)]
public partial class PtPReluOutputMae;

// 20 x 16 and 16 x 18 weights: loops again, this time with the output activation's backward step in one.
[Network(Inputs = 20, Loss = Loss.MeanSquaredError, LearningRate = 0.5f)]
[Dense(16, Activation.ELU)]
[Dense(18, Activation.Sigmoid)]
public partial class PtWideSigmoidMse;

// Activations in their tails, where float32 rounding of 1 + x or e^z - 1 would cost digits.
[Network(Inputs = 2, Loss = Loss.MeanSquaredError, LearningRate = 0.5f)]
[Dense(3, Activation.Softplus)]
public partial class PtSoftplusTailMse;

[Network(Inputs = 2, Loss = Loss.MeanSquaredError, LearningRate = 0.05f)]
[Dense(3, Activation.ELU)]
public partial class PtEluNearZeroMse;

[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
[Dense(3, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class PtSingleSampleBce;

[Network(Inputs = 3)]
[Dense(6, Activation.Step)]
[Dense(2, Activation.Linear)]
public partial class PtStepHidden;

[Network(Inputs = 3)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Step)]
public partial class PtStepOutput;

// Batch normalisation in Keras' pattern: a Dense layer without biases (the normalisation's beta
// replaces them), the normalisation, then the non-linearity as its own layer. 12 x 24 weights: loops.
[Network(Inputs = 12, Loss = Loss.MeanSquaredError, LearningRate = 0.1f)]
[Dense(24, UseBias = false)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dense(3)]
public partial class PtBatchNormReluMse;

[Network(Inputs = 4, Loss = Loss.SparseCategoricalCrossEntropy, LearningRate = 0.2f)]
[Dense(6, UseBias = false)]
[BatchNormalization(Momentum = 0.9f, Epsilon = 0.01f)]
[Activation(Activation.Tanh)]
[Dense(5, UseBias = false)]
[BatchNormalization(Momentum = 0.8f, Epsilon = 1e-4f)]
[Activation(Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class PtBatchNormTwiceSparse;

// Declared optimisers other than plain SGD, with hyperparameters away from PyTorch's defaults where
// a value that failed to reach the optimiser would otherwise go unnoticed.
[Network(Inputs = 3, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f,
    Beta1 = 0.8f, Beta2 = 0.99f, Epsilon = 1e-6f, WeightDecay = 0.01f)]
[Dense(5, Activation.Tanh)]
[Dense(2, Activation.Linear)]
public partial class PtAdamTanhMse;

[Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd, LearningRate = 0.1f, Momentum = 0.9f, Nesterov = true)]
[Dense(5, Activation.ELU)]
[Dense(3, Activation.Softmax)]
public partial class PtNesterovSoftmaxCce;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.AdamW, LearningRate = 0.01f, WeightDecay = 0.05f)]
[Dense(4, Activation.LeakyReLU)]
[Dense(2, Activation.Sigmoid)]
public partial class PtAdamWSigmoidBce;

// Declared penalties are not in the layer table; a wrong one shows in the loss and the gradient.
[Network(Inputs = 3, Loss = Loss.MeanSquaredError, LearningRate = 0.1f)]
[Dense(5, Activation.Tanh, KernelL1 = 0.01f, KernelL2 = 0.02f)]
[Dense(2, Activation.Linear, BiasL1 = 0.03f, BiasL2 = 0.05f)]
public partial class PtPenaltiesMse;

[Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy, LearningRate = 0.2f)]
[Dense(5, UseBias = false)]
[Activation(Activation.PReLU, Alpha = 0.2f)]
[Dense(3)]
[Activation(Activation.Softmax)]
public partial class PtNoBiasSoftmaxLayer;

/// <summary>The reference networks by the name their JSON file carries.</summary>
public static class ReferenceNetworks
{
    public static IReadOnlyDictionary<string, Func<INetwork>> ByName { get; } = new Dictionary<string, Func<INetwork>>
    {
        [nameof(PtTanhMse)] = () => new PtTanhMse(),
        [nameof(PtReluMae)] = () => new PtReluMae(),
        [nameof(PtLeakyReluHuber)] = () => new PtLeakyReluHuber(),
        [nameof(PtEluSigmoidBce)] = () => new PtEluSigmoidBce(),
        [nameof(PtSeluSoftmaxCce)] = () => new PtSeluSoftmaxCce(),
        [nameof(PtSoftplusSoftmaxSparse)] = () => new PtSoftplusSoftmaxSparse(),
        [nameof(PtPReluSoftmaxBce)] = () => new PtPReluSoftmaxBce(),
        [nameof(PtSigmoidSigmoidCce)] = () => new PtSigmoidSigmoidCce(),
        [nameof(PtLinearSigmoidSparse)] = () => new PtLinearSigmoidSparse(),
        [nameof(PtSoftplusHinge)] = () => new PtSoftplusHinge(),
        [nameof(PtDeepMse)] = () => new PtDeepMse(),
        [nameof(PtWideSoftmaxCce)] = () => new PtWideSoftmaxCce(),
        [nameof(PtPReluOutputMae)] = () => new PtPReluOutputMae(),
        [nameof(PtWideSigmoidMse)] = () => new PtWideSigmoidMse(),
        [nameof(PtSoftplusTailMse)] = () => new PtSoftplusTailMse(),
        [nameof(PtEluNearZeroMse)] = () => new PtEluNearZeroMse(),
        [nameof(PtSingleSampleBce)] = () => new PtSingleSampleBce(),
        [nameof(PtStepHidden)] = () => new PtStepHidden(),
        [nameof(PtStepOutput)] = () => new PtStepOutput(),
        [nameof(PtBatchNormReluMse)] = () => new PtBatchNormReluMse(),
        [nameof(PtBatchNormTwiceSparse)] = () => new PtBatchNormTwiceSparse(),
        [nameof(PtAdamTanhMse)] = () => new PtAdamTanhMse(),
        [nameof(PtNesterovSoftmaxCce)] = () => new PtNesterovSoftmaxCce(),
        [nameof(PtAdamWSigmoidBce)] = () => new PtAdamWSigmoidBce(),
        [nameof(PtPenaltiesMse)] = () => new PtPenaltiesMse(),
        [nameof(PtNoBiasSoftmaxLayer)] = () => new PtNoBiasSoftmaxLayer(),
    };
}
