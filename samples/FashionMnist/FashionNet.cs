using NeuralDsl;

namespace Samples.FashionMnist;

/// <summary>28x28 greyscale clothing images: 784 pixels, hidden ReLU layers of 128 and 64, ten classes.</summary>
[Network(Inputs = 784, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.001f)]
[Dense(128, Activation.ReLU)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class FashionNet;
