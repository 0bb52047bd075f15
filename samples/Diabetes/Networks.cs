using NeuralDsl;

namespace Samples.Diabetes;

/// <summary>Linear regression as a network: one linear unit over the 11 standardised features, mean squared error.</summary>
[Network(Inputs = 11, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
[Dense(1, Activation.Linear)]
public partial class LinearModel;

/// <summary>An MLP (32 ReLU units, one linear output) trained with mean squared error.</summary>
[Network(Inputs = 11, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.001f)]
[Dense(32, Activation.ReLU)]
[Dense(1, Activation.Linear)]
public partial class MlpMse;

/// <summary>
/// The same MLP trained with the Huber loss: quadratic within one standard deviation of the target
/// (targets are standardised), linear beyond, so the worst-fitted patients pull less on the weights.
/// </summary>
[Network(Inputs = 11, Loss = Loss.Huber, HuberDelta = 1f, Optimizer = Optimizer.Adam, LearningRate = 0.001f)]
[Dense(32, Activation.ReLU)]
[Dense(1, Activation.Linear)]
public partial class MlpHuber;
