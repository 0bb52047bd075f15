using NeuralDsl;

namespace Samples.BreastCancer;

/// <summary>Logistic regression as a network: one sigmoid unit over the 30 standardised features, binary cross-entropy.</summary>
[Network(Inputs = 30, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.01f)]
[Dense(1, Activation.Sigmoid)]
public partial class LogisticRegression;

/// <summary>A small MLP: 16 ReLU units, then the same sigmoid output and loss.</summary>
[Network(Inputs = 30, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.001f)]
[Dense(16, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class CancerMlp;
