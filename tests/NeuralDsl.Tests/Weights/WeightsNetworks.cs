using NeuralDsl;

namespace NeuralDsl.Tests.Weights;

/// <summary>Parameters and state (batch normalisation), trained with Adam: every section of an .ndw file is non-empty.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
[Dense(6, Activation.Tanh)]
[BatchNormalization]
[Dense(2)]
public partial class WeightsNet;

/// <summary>Same layer kinds as <see cref="WeightsNet"/>, one hidden unit fewer: another architecture.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
[Dense(5, Activation.Tanh)]
[BatchNormalization]
[Dense(2)]
public partial class NarrowerWeightsNet;

/// <summary>Same shapes as <see cref="WeightsNet"/> but another activation: another architecture with the same parameter count.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
[Dense(6, Activation.ReLU)]
[BatchNormalization]
[Dense(2)]
public partial class ReluWeightsNet;

/// <summary>For exact resumption: no dropout (its mask generator is private to the generated class), batch normalisation state, Adam.</summary>
[Network(Inputs = 2, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
[Dense(8, Activation.Tanh)]
[BatchNormalization]
[Dense(1)]
public partial class ResumableNet;

/// <summary>Resumption with SGD momentum, whose first step differs from the later ones.</summary>
[Network(Inputs = 2, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Sgd, Momentum = 0.9f, LearningRate = 0.02f)]
[Dense(8, Activation.ReLU)]
[Dense(1)]
public partial class MomentumNet;

/// <summary>An inference-only network: weights load without any optimiser.</summary>
[Network(Inputs = 3)]
[Dense(6, Activation.Tanh)]
[BatchNormalization]
[Dense(2)]
public partial class InferenceWeightsNet;

/// <summary>PyTorch's Sequential(Linear(4, 8), ReLU(), BatchNorm1d(8, eps=1e-5, momentum=0.1), Linear(8, 6), Tanh(), Linear(6, 3)).</summary>
[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(8, Activation.ReLU)]
[BatchNormalization(Momentum = 0.9f, Epsilon = 1e-5f)]
[Dense(6, Activation.Tanh)]
[Dense(3)]
public partial class TorchBatchNormNet;

/// <summary>PyTorch's Sequential(Linear(3, 5), PReLU(5), Dropout(0.2), Linear(5, 2), Sigmoid()).</summary>
[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Dense(5, Activation.PReLU)]
[Dropout(0.2f)]
[Dense(2, Activation.Sigmoid)]
public partial class TorchPReluDropoutNet;

/// <summary>The smallest network with a transposable kernel: tensors 0.weight [1, 2] and 0.bias [1].</summary>
[Network(Inputs = 2)]
[Dense(1)]
public partial class TinyNet;
