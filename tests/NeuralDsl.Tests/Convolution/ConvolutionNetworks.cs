// Convolution networks for the behaviour and interop tests (the gradient checks have their own).
using NeuralDsl;

namespace NeuralDsl.Tests.Convolution;

/// <summary>A Fashion-MNIST-sized CNN: two convolution blocks, then dense; large enough that Predict rents its hidden buffer.</summary>
[Network(InputShape = [28, 28, 1], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
[Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same)]   // (28, 28, 16)
[MaxPool2D(2)]                                              // (14, 14, 16)
[Conv2D(32, 3, Activation.ReLU)]                            // (12, 12, 32)
[MaxPool2D(2)]                                              // (6, 6, 32)
[Flatten]
[Dropout(0.25f)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class FashionSizedCnn;

/// <summary>A (4, 4, 2) image through a 1x1 convolution: the same widths and parameter counts, layer by layer, as <see cref="WideImageCnn"/>.</summary>
[Network(InputShape = [4, 4, 2], Loss = Loss.MeanSquaredError)]
[Conv2D(2, 1, Activation.Tanh)]   // (4, 4, 2): 6 parameters
[Flatten]
[Dense(1)]
public partial class SquareImageCnn;

/// <summary>A (2, 8, 2) image through a 1x1 convolution: 32 values in and out as in <see cref="SquareImageCnn"/>, another shape.</summary>
[Network(InputShape = [2, 8, 2], Loss = Loss.MeanSquaredError)]
[Conv2D(2, 1, Activation.Tanh)]   // (2, 8, 2): 6 parameters
[Flatten]
[Dense(1)]
public partial class WideImageCnn;
