// Networks for the gradient checks: one per valid (output activation, loss) pair, each with a
// different hidden activation, plus a deep stack of every hidden activation and a wide network
// whose layers exceed the unroll limit (so the looped code path is checked too).
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
