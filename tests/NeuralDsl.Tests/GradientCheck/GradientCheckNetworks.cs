// Networks for the gradient checks: one per valid (output activation, loss) pair, each with a
// different hidden activation, plus a deep stack of every hidden activation and a wide network
// whose layers exceed the unroll limit (so the looped code path is checked too), then the other
// layer kinds and options: batch normalisation in training mode, stand-alone activations, Dense
// layers without biases, dropout at rate 0 (the identity, since other rates draw random masks)
// and declared penalties (repeated in GradientCheckCatalog for the reference).
using NeuralDsl;

namespace NeuralDsl.Tests.GradientCheck;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Linear)]
public partial class GradLinearMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public partial class GradSigmoidMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Tanh)]
public partial class GradTanhMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.LeakyReLU, Alpha = 0.1f)]
[Dense(3, Activation.ReLU)]
public partial class GradReLUMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.ELU, Alpha = 0.7f)]
[Dense(3, Activation.LeakyReLU)]
public partial class GradLeakyReLUMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.SELU)]
[Dense(3, Activation.ELU)]
public partial class GradELUMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Softplus)]
[Dense(3, Activation.SELU)]
public partial class GradSELUMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.PReLU, Alpha = 0.2f)]
[Dense(3, Activation.Softplus)]
public partial class GradSoftplusMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Linear)]
[Dense(3, Activation.Softmax)]
public partial class GradSoftmaxMse;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.PReLU)]
public partial class GradPReLUMse;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Linear)]
public partial class GradLinearMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public partial class GradSigmoidMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.LeakyReLU, Alpha = 0.1f)]
[Dense(3, Activation.Tanh)]
public partial class GradTanhMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.ELU, Alpha = 0.7f)]
[Dense(3, Activation.ReLU)]
public partial class GradReLUMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.SELU)]
[Dense(3, Activation.LeakyReLU)]
public partial class GradLeakyReLUMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.Softplus)]
[Dense(3, Activation.ELU)]
public partial class GradELUMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.PReLU, Alpha = 0.2f)]
[Dense(3, Activation.SELU)]
public partial class GradSELUMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.Linear)]
[Dense(3, Activation.Softplus)]
public partial class GradSoftplusMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public partial class GradSoftmaxMae;

[Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.PReLU)]
public partial class GradPReLUMae;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Linear)]
public partial class GradLinearHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.LeakyReLU, Alpha = 0.1f)]
[Dense(3, Activation.Sigmoid)]
public partial class GradSigmoidHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.ELU, Alpha = 0.7f)]
[Dense(3, Activation.Tanh)]
public partial class GradTanhHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.SELU)]
[Dense(3, Activation.ReLU)]
public partial class GradReLUHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.Softplus)]
[Dense(3, Activation.LeakyReLU)]
public partial class GradLeakyReLUHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.PReLU, Alpha = 0.2f)]
[Dense(3, Activation.ELU)]
public partial class GradELUHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.Linear)]
[Dense(3, Activation.SELU)]
public partial class GradSELUHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Softplus)]
public partial class GradSoftplusHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class GradSoftmaxHuber;

[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.PReLU)]
public partial class GradPReLUHuber;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.LeakyReLU, Alpha = 0.1f)]
[Dense(3, Activation.Linear)]
public partial class GradLinearHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.ELU, Alpha = 0.7f)]
[Dense(3, Activation.Sigmoid)]
public partial class GradSigmoidHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.SELU)]
[Dense(3, Activation.Tanh)]
public partial class GradTanhHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.Softplus)]
[Dense(3, Activation.ReLU)]
public partial class GradReLUHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.PReLU, Alpha = 0.2f)]
[Dense(3, Activation.LeakyReLU)]
public partial class GradLeakyReLUHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.Linear)]
[Dense(3, Activation.ELU)]
public partial class GradELUHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.SELU)]
public partial class GradSELUHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softplus)]
public partial class GradSoftplusHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class GradSoftmaxHinge;

[Network(Inputs = 3, Loss = Loss.Hinge)]
[Dense(5, Activation.LeakyReLU, Alpha = 0.1f)]
[Dense(3, Activation.PReLU)]
public partial class GradPReLUHinge;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.ELU, Alpha = 0.7f)]
[Dense(3, Activation.Sigmoid)]
public partial class GradSigmoidBce;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.SELU)]
[Dense(3, Activation.Softmax)]
public partial class GradSoftmaxBce;

[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy)]
[Dense(5, Activation.Softplus)]
[Dense(3, Activation.Softmax)]
public partial class GradSoftmaxCce;

[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy)]
[Dense(5, Activation.PReLU, Alpha = 0.2f)]
[Dense(3, Activation.Sigmoid)]
public partial class GradSigmoidCce;

[Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy)]
[Dense(5, Activation.Linear)]
[Dense(3, Activation.Softmax)]
public partial class GradSoftmaxSparseCce;

[Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
public partial class GradSigmoidSparseCce;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.Sigmoid)]
[Dense(6, Activation.Tanh)]
[Dense(6, Activation.ReLU)]
[Dense(6, Activation.LeakyReLU, Alpha = 0.1f)]
[Dense(6, Activation.ELU, Alpha = 0.7f)]
[Dense(6, Activation.SELU)]
[Dense(6, Activation.Softplus)]
[Dense(6, Activation.PReLU)]
[Dense(6, Activation.Linear)]
[Dense(2, Activation.Linear)]
public partial class GradDeepStack;

[Network(Inputs = 40, Loss = Loss.CategoricalCrossEntropy)]
[Dense(20, Activation.Tanh)]
[Dense(15, Activation.PReLU)]
[Dense(18, Activation.ELU)]
[Dense(4, Activation.Softmax)]
public partial class GradWideLooped;

// Keras' pattern: a bias-free Dense layer, batch normalisation, then the non-linearity on its own.
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(5, UseBias = false)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dense(3)]
public partial class GradBatchNormRelu;

// A Dense layer with biases before the normalisation: their true gradient is 0 (the batch mean absorbs them).
[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy)]
[Dense(5)]
[BatchNormalization(Momentum = 0.9f, Epsilon = 0.01f)]
[Activation(Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class GradBatchNormTanh;

// 2 x 300 and 300 x 3 weights, and 300 units, exceed the unroll limits: loops throughout.
[Network(Inputs = 2, Loss = Loss.SparseCategoricalCrossEntropy)]
[Dense(300, UseBias = false)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class GradBatchNormWideLooped;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(6, UseBias = false, KernelL2 = 0.01f)]
[BatchNormalization]
[Activation(Activation.PReLU)]
[Dropout(0f)]
[Dense(2, KernelL1 = 0.005f, BiasL2 = 0.02f)]
public partial class GradBatchNormPenalised;

// A PReLU activation layer with learned slopes, and a softmax output layer after a linear Dense.
[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy)]
[Dense(5)]
[Activation(Activation.PReLU, Alpha = 0.2f)]
[Dense(3)]
[Activation(Activation.Softmax)]
public partial class GradActivationLayers;

// Without biases, a PReLU layer's slopes follow its weights directly.
[Network(Inputs = 3, Loss = Loss.Huber, HuberDelta = 0.5f)]
[Dense(5, Activation.PReLU, UseBias = false)]
[Dense(3, Activation.Tanh, UseBias = false)]
public partial class GradNoBias;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.ELU)]
[Dropout(0f)]
[Dense(3, Activation.Sigmoid)]
public partial class GradDropoutRateZero;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.Tanh, KernelL1 = 0.01f, KernelL2 = 0.02f)]
[Dense(3, Activation.Sigmoid, BiasL1 = 0.03f, BiasL2 = 0.05f)]
public partial class GradPenalties;

// Layer kinds at the ends of the network: normalising the raw inputs and the outputs, an activation
// of the inputs with learned slopes, and dropout of the inputs.
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[BatchNormalization(Epsilon = 0.01f)]
[Dense(4, Activation.Sigmoid)]
[BatchNormalization]
public partial class GradBatchNormFirstAndLast;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Activation(Activation.PReLU)]
[Dropout(0f)]
[Dense(3, Activation.Sigmoid)]
public partial class GradActivationFirst;

// Cross-entropy on logits (FromLogits): the loss applies the sigmoid or softmax itself. A linear
// output, the intended use; a linear output followed by batch normalisation, so that the gradient
// with respect to the logits flows through another layer; and a sigmoid output, which the loss then
// squashes a second time (ND107), to check that its backward step is not skipped as in the fused case.
[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy, FromLogits = true)]
[Dense(5, Activation.Tanh)]
[Dense(2)]
public partial class GradLogitsBce;

[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy, FromLogits = true)]
[Dense(5, Activation.ReLU)]
[Dense(4)]
public partial class GradLogitsCce;

[Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy, FromLogits = true)]
[Dense(5, Activation.ELU)]
[Dense(4, UseBias = false)]
[BatchNormalization]
public partial class GradLogitsSparseCce;

#pragma warning disable ND107 // deliberately a probability output, to check the unfused backward step
[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy, FromLogits = true)]
[Dense(5, Activation.Softplus)]
[Dense(3, Activation.Sigmoid)]
public partial class GradLogitsOnSigmoid;
#pragma warning restore ND107
