using NeuralDsl;

namespace Samples.Digits;

/// <summary>8x8 handwritten digits: 64 pixels, one hidden ReLU layer of 64, ten classes.</summary>
[Network(Inputs = 64, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.001f)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitsNet;
