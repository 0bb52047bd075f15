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
