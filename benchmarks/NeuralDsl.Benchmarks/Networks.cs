using NeuralDsl;

namespace NeuralDsl.Benchmarks;

// The reference workloads. benchmarks/peers/torch_bench.py and fann_bench.c build the same shapes.

/// <summary>R1 tiny: 8 -> 16 tanh -> 16 tanh -> 1 linear, MSE, SGD. Every layer is unrolled.</summary>
[Network(Inputs = 8, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Sgd, LearningRate = 0.01f)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(1, Activation.Linear)]
public partial class TinyNet;

/// <summary>R2 mnist-mlp: 784 -> 128 ReLU -> 64 ReLU -> 10 softmax, cross-entropy, Adam.</summary>
[Network(Inputs = 784, Loss = Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
[Dense(128, Activation.ReLU)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class MnistNet;

/// <summary>R3 deep-narrow: 32 -> ten Dense(32, tanh) -> 1 linear, MSE, SGD.</summary>
[Network(Inputs = 32, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Sgd, LearningRate = 0.01f)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(1, Activation.Linear)]
public partial class DeepNarrowNet;
