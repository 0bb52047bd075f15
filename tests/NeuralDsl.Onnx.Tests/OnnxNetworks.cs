using NeuralDsl;

namespace NeuralDsl.Onnx.Tests;

// One network per activation (as a Dense layer's and as a stand-alone layer's), plus the layer
// kinds and options the exporter maps differently: no bias, batch normalisation, dropout, PReLU
// slopes, logits, and a network wide enough for the looped, vectorised kernels.

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.Sigmoid)]
[Dense(3)]
public partial class SigmoidNet;

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.Tanh)]
[Dense(3)]
public partial class TanhNet;

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.ReLU)]
[Dense(3)]
public partial class ReluNet;

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(3, Activation.LeakyReLU)]
public partial class LeakyReluNet;

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.ELU, Alpha = 0.7f)]
[Dense(3, Activation.ELU)]
public partial class EluNet;

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.SELU, WeightInit = Init.LeCunNormal)]
[Dense(3)]
public partial class SeluNet;

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.Softplus)]
[Dense(3, Activation.Softplus)]
public partial class SoftplusNet;

[Network(Inputs = 5, Loss = Loss.CategoricalCrossEntropy)]
[Dense(7, Activation.Tanh)]
[Dense(4, Activation.Softmax)]
public partial class SoftmaxNet;

[Network(Inputs = 5, Loss = Loss.BinaryCrossEntropy)]
[Dense(7, Activation.PReLU, Alpha = 0.1f)]
[Dense(3, Activation.Sigmoid)]
public partial class PReluNet;

[Network(Inputs = 5)]
[Dense(7, Activation.Step)]
[Dense(3, Activation.Step)]
public partial class StepNet;

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(7, Activation.Tanh, UseBias = false)]
[Dense(3, UseBias = false)]
public partial class NoBiasNet;

/// <summary>Every stand-alone activation in one stack, ending in a stand-alone softmax.</summary>
[Network(Inputs = 5, Loss = Loss.CategoricalCrossEntropy)]
[Dense(6)]
[Activation(Activation.LeakyReLU, Alpha = 0.3f)]
[Dense(6)]
[Activation(Activation.ELU, Alpha = 1.5f)]
[Dense(6)]
[Activation(Activation.SELU)]
[Dense(6)]
[Activation(Activation.PReLU, Alpha = 0.05f)]
[Dense(6)]
[Activation(Activation.Softplus)]
[Dense(6)]
[Activation(Activation.Sigmoid)]
[Dense(6)]
[Activation(Activation.Tanh)]
[Dense(6)]
[Activation(Activation.ReLU)]
[Dense(6)]
[Activation(Activation.Linear)]
[Dense(4)]
[Activation(Activation.Softmax)]
public partial class ActivationLayersNet;

[Network(Inputs = 5)]
[Dense(6)]
[Activation(Activation.Step)]
[Dense(2)]
public partial class StepLayerNet;

/// <summary>Keras' normalised block: Dense without bias, BatchNormalization, ReLU, Dropout; twice, the second with its own epsilon.</summary>
[Network(Inputs = 5, Loss = Loss.CategoricalCrossEntropy)]
[Dense(8, UseBias = false)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dropout(0.3f)]
[Dense(6, UseBias = false)]
[BatchNormalization(Epsilon = 1e-5f, Momentum = 0.9f)]
[Activation(Activation.Tanh)]
[Dropout(0.1f)]
[Dense(3, Activation.Softmax)]
public partial class BatchNormNet;

[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(9, Activation.ReLU)]
[Dropout(0.5f)]
[Dense(9, Activation.Tanh)]
[Dropout(0.2f)]
[Dense(2)]
public partial class DropoutNet;

[Network(Inputs = 5, Loss = Loss.CategoricalCrossEntropy, FromLogits = true)]
[Dense(7, Activation.ReLU)]
[Dense(4)]
public partial class LogitsNet;

/// <summary>R2's shape: every layer above the unroll limit, so the looped, vectorised kernels run.</summary>
[Network(Inputs = 784, Loss = Loss.CategoricalCrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class WideNet;

/// <summary>No layer computes anything at inference: the export is a single Identity node.</summary>
[Network(Inputs = 3)]
[Dropout(0.2f)]
[Activation(Activation.Linear)]
public partial class IdentityNet;
