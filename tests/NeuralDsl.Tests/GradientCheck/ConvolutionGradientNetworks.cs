// Convolution networks for the gradient checks: 2-D and 1-D convolutions with valid and same padding
// (odd totals, so the extra zero goes after), strides, every pooling kind, Flatten, global pooling,
// PReLU per output value, no biases, and a looped (large) layer. Smooth activations in front of max
// pools, so that a window's maximum is unique and the finite differences see no kink.
using NeuralDsl;

namespace NeuralDsl.Tests.GradientCheck;

[Network(InputShape = [5, 5, 2], Loss = Loss.CategoricalCrossEntropy)]
[Conv2D(3, 3, Activation.Tanh, Strides = 2, Padding = Padding.Same)]   // (3, 3, 3), pads 1 before and 1 after
[MaxPool2D(2, Padding = Padding.Same)]                                   // (2, 2, 3), pads 0 before and 1 after
[Flatten]
[Dense(2, Activation.Softmax)]
public partial class GradConvSameStride;

[Network(InputShape = [6, 6, 1], Loss = Loss.MeanSquaredError)]
[Conv2D(2, 3, Activation.Sigmoid, UseBias = false)]                      // (4, 4, 2)
[AveragePool2D(3, Strides = 2, Padding = Padding.Same)]                  // (2, 2, 2), pads 0 before and 1 after, not counted
[Conv2D(3, 2, Activation.PReLU)]                                         // (1, 1, 3)
[GlobalAveragePooling2D]
[Dense(2)]
public partial class GradConvAveragePooled;

[Network(InputShape = [7, 2], Loss = Loss.BinaryCrossEntropy)]
[Conv1D(3, 3, Activation.Tanh, Padding = Padding.Same)]                  // (7, 3)
[MaxPool1D(2)]                                                           // (3, 3)
[AveragePool1D(2, Strides = 1)]                                          // (2, 3)
[Conv1D(2, 2, Activation.ELU, Strides = 2, Padding = Padding.Same)]      // (1, 2)
[GlobalAveragePooling1D]
[Dense(2, Activation.Sigmoid)]
public partial class GradConv1D;

[Network(InputShape = [6, 3], Loss = Loss.SparseCategoricalCrossEntropy)]
[Conv1D(4, 2, Activation.Softplus, Strides = 2)]                         // (3, 4)
[Dropout(0f)]
[Flatten]
[Dense(3, Activation.Softmax)]
public partial class GradConv1DFlatten;

[Network(InputShape = [10, 10, 3], Loss = Loss.MeanSquaredError)]
[Conv2D(8, 3, Activation.Tanh, Padding = Padding.Same)]                  // (10, 10, 8): 800 values, looped activations
[MaxPool2D(2)]                                                           // (5, 5, 8)
[Conv2D(4, 3, Activation.LeakyReLU, Alpha = 0.2f)]                       // (3, 3, 4)
[Flatten]
[Dense(2)]
public partial class GradConvLooped;
