using NeuralDsl;

namespace Samples.FashionCnn;

/// <summary>
/// 28x28 greyscale clothing images, channels-last: two blocks of a 3x3 convolution (same padding, ReLU)
/// and a 2x2 max pool, then a dense ReLU layer and ten softmax classes.
/// </summary>
[Network(InputShape = [28, 28, 1], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.001f)]
[Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same)]   // (28, 28, 16)
[MaxPool2D(2)]                                              // (14, 14, 16)
[Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]   // (14, 14, 32)
[MaxPool2D(2)]                                              // (7, 7, 32)
[Flatten]                                                   // (1568)
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class FashionCnnNet;
