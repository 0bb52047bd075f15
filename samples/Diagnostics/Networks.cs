using NeuralDsl;

namespace Samples.Diagnostics;

// Each flawed network names, in the comment above it, the diagnostics it raises; its fixed twin
// raises none. The rings problem: two inputs in [-2, 2], label 1 inside the unit circle.

// ND201: the hidden layers have no activation, so the network is one linear map and cannot draw a circle.
[Network(Inputs = 2, Task = LearningTask.Binary, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)]
[Dense(16)]
[Dense(16)]
[Dense(1, Activation.Sigmoid)]
public partial class LinearStack;

[Network(Inputs = 2, Task = LearningTask.Binary, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)]
[Dense(16, Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class LinearStackFixed;

// ND202: five sigmoid hidden layers; the gradient shrinks at each of them.
[Network(Inputs = 2, Task = LearningTask.Binary, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.1f)]
[Dense(16, Activation.Sigmoid)]
[Dense(16, Activation.Sigmoid)]
[Dense(16, Activation.Sigmoid)]
[Dense(16, Activation.Sigmoid)]
[Dense(16, Activation.Sigmoid)]
[Dense(1, Activation.Sigmoid)]
public partial class DeepSigmoid;

[Network(Inputs = 2, Task = LearningTask.Binary, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.1f)]
[Dense(16, Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class DeepSigmoidFixed;

// ND301: every hidden weight starts at 0; behind ReLU the layer never gets a gradient.
[Network(Inputs = 2, Task = LearningTask.Binary, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)]
[Dense(16, Activation.ReLU, WeightInit = Init.Zeros)]
[Dense(1, Activation.Sigmoid)]
public partial class ZeroInit;

[Network(Inputs = 2, Task = LearningTask.Binary, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)]
[Dense(16, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class ZeroInitFixed;

// ND502: Adam at 0.5 overshoots; 0.001 to 0.01 is its usual range.
[Network(Inputs = 2, Task = LearningTask.Binary, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.5f)]
[Dense(16, Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class HighRate;

[Network(Inputs = 2, Task = LearningTask.Binary, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.005f)]
[Dense(16, Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class HighRateFixed;

// ND109: a sigmoid output cannot reach regression targets between 2 and 8.
[Network(Inputs = 2, Task = LearningTask.Regression, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam)]
[Dense(16, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class BoundedRegression;

[Network(Inputs = 2, Task = LearningTask.Regression, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam)]
[Dense(16, Activation.Tanh)]
[Dense(1)]
public partial class BoundedRegressionFixed;

// Declared but not trained here: mistakes whose cost depends on the data, and suggestions.

// ND102: softmax makes the classes compete, binary cross-entropy scores them as independent.
// ND703: the features are declared unscaled.
[Network(Inputs = 4, Task = LearningTask.Multiclass, Classes = 3, InputScaling = Scaling.None, Loss = Loss.BinaryCrossEntropy)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class MixedUpLoss;

// ND108: squared error on a classification task learns slowly where the sigmoid saturates.
// ND403: dropout after the output layer drops predictions.
[Network(Inputs = 4, Task = LearningTask.Binary, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
[Dropout(0.2f)]
public partial class RegressionLossClassifier;

// ND405 (info): batch normalisation cancels the biases before it.
// ND204 (info): the ReLU is applied twice.
[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(16)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dense(16, Activation.ReLU)]
[Activation(Activation.ReLU)]
[Dense(1)]
public partial class Redundant;
