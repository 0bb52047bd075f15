using NeuralDsl;

namespace NeuralDsl.Tests.Behaviour;

[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy, LearningRate = 0.5f)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNet;

/// <summary>The MNIST MLP shape: every layer above the unroll limit, so loops and vector kernels run.</summary>
[Network(Inputs = 784, Loss = Loss.SparseCategoricalCrossEntropy, LearningRate = 0.05f)]
[Dense(128, Activation.ReLU)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class MnistMlp;

/// <summary>Hidden activations too wide for the stack: Predict rents its buffer from the shared pool.</summary>
[Network(Inputs = 2, Loss = Loss.MeanSquaredError)]
[Dense(20000, Activation.ReLU)]
[Dense(1)]
public partial class VeryWideNet;

/// <summary>The perceptron as the course draws it: weighted sum and a step, inference only.</summary>
[Network(Inputs = 2)]
[Dense(1, Activation.Step)]
public partial class Perceptron;

[Network(Inputs = 400)]
[Dense(300, Activation.ReLU)]
[Dense(200, Activation.SELU)]
[Dense(100, Activation.Tanh, BiasInit = Init.Constant, BiasValue = 0.5f)]
[Dense(50, Activation.Linear, WeightInit = Init.RandomUniform, WeightMin = -0.3f, WeightMax = 0.1f)]
public partial class InitDefaultsNet;

/// <summary>Dropout in an inference-only network: it must compile and be the identity.</summary>
[Network(Inputs = 3)]
[Dense(4, Activation.ReLU)]
[Dropout(0.5f)]
[Dense(2)]
public partial class InferenceOnlyWithDropout;

/// <summary>A linear Activation layer passes its input on, in training as at inference.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
[Dense(4, Activation.Tanh)]
[Activation(Activation.Linear)]
[Dense(2)]
public partial class LinearActivationLayer;

/// <summary>A perceptron without a bias (through the origin).</summary>
[Network(Inputs = 2)]
[Dense(1, Activation.Step, UseBias = false)]
public partial class PerceptronWithoutBias;

/// <summary>The same tanh/sigmoid network twice: vectorised kernels, and the scalar standard functions.</summary>
[Network(Inputs = 9, Loss = Loss.BinaryCrossEntropy)]
[Dense(20, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public partial class FastActivationsNet;

[Network(Inputs = 9, Loss = Loss.BinaryCrossEntropy, ExactActivations = true)]
[Dense(20, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public partial class ExactActivationsNet;
