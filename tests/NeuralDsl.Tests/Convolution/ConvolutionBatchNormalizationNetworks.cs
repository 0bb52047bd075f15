// Batch normalisation after convolutions and on shaped inputs: statistics, gamma and beta per channel
// over the batch and every position (Keras' axis -1). The first two are declared again, with their
// parameters and data, in tests/reference/make_conv_batchnorm_reference.py.
using NeuralDsl;

namespace NeuralDsl.Tests.Convolution;

/// <summary>Keras' Conv2D (no bias), BatchNormalization, ReLU block: 3 channels at 3 x 3 positions.</summary>
[Network(InputShape = [5, 5, 2], Loss = Loss.MeanSquaredError)]
[Conv2D(3, 3, UseBias = false)]          // (3, 3, 3)
[BatchNormalization(Momentum = 0.9f)]
[Activation(Activation.ReLU)]
[Flatten]
[Dense(2)]
public partial class Conv2DBatchNormRelu;

/// <summary>A 1-D convolution with biases (which the normalisation cancels) and Keras' default momentum: 4 channels at 5 steps.</summary>
[Network(InputShape = [7, 3], Loss = Loss.MeanSquaredError)]
[Conv1D(4, 3)]                           // (5, 4)
[BatchNormalization(Epsilon = 0.01f)]
[Activation(Activation.Tanh)]
[Flatten]
[Dense(2)]
public partial class Conv1DBatchNormTanh;

/// <summary>Batch normalisation of the input image itself, the first layer (no delta before it), then a pooled convolution.</summary>
[Network(InputShape = [4, 4, 2], Loss = Loss.CategoricalCrossEntropy)]
[BatchNormalization]
[Conv2D(3, 3, Activation.Tanh, Padding = Padding.Same)]   // (4, 4, 3)
[AveragePool2D(2)]                                         // (2, 2, 3)
[BatchNormalization(Momentum = 0.5f)]
[GlobalAveragePooling2D]
[Dense(3, Activation.Softmax)]
public partial class InputBatchNormConv;
