using NeuralDsl;

namespace Samples.Perceptron;

/// <summary>
/// Rosenblatt's perceptron: two inputs, one threshold unit (output 1 when <c>w·x + b &gt;= 0</c>, else 0).
/// Weights start at zero, as the rule is usually taught; it has no loss, since the perceptron rule
/// (not gradient descent) trains it.
/// </summary>
[Network(Inputs = 2)]
[Dense(1, Activation.Step, WeightInit = Init.Zeros)]
public partial class Perceptron;

/// <summary>The smallest network that represents XOR: a hidden layer of tanh units, a sigmoid output, binary cross-entropy.</summary>
[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.3f)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorMlp;
