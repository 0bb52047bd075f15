using NeuralDsl;

namespace NeuralDsl.Onnx.Tests;

// Image and sequence networks for the ONNX export: valid and same padding, including Keras' asymmetric
// same (0 before, 1 after) of a stride-2 window on an even or odd side, max and average pooling over
// padded borders, global average pooling, Flatten into Dense, PReLU slopes per position, no bias.

/// <summary>Same padding at stride 1 and 2 (asymmetric), max pooling over a padded border, Flatten, dropout, softmax.</summary>
[Network(InputShape = [10, 10, 2], Loss = Loss.CategoricalCrossEntropy)]
[Conv2D(4, 3, Activation.ReLU, Padding = Padding.Same)]                  // (10, 10, 4), pads 1 and 1
[Conv2D(6, 3, Activation.Tanh, Strides = 2, Padding = Padding.Same)]     // (5, 5, 6), pads 0 and 1
[MaxPool2D(2, Padding = Padding.Same)]                                   // (3, 3, 6), pads 0 and 1
[Flatten]
[Dropout(0.2f)]
[Dense(5, Activation.Softmax)]
public partial class SameCnn;

/// <summary>A non-square valid convolution with PReLU, dropout on an image, average pooling that must not count padding, a 1x1 convolution without bias, global average pooling.</summary>
[Network(InputShape = [8, 7, 3], Loss = Loss.MeanSquaredError)]
[Conv2D(5, 2, Activation.PReLU, Alpha = 0.1f)]                           // (7, 6, 5)
[Dropout(0.3f)]
[AveragePool2D(3, Strides = 2, Padding = Padding.Same)]                  // (4, 3, 5), pads 1 and 1 high, 0 and 1 wide
[Conv2D(4, 1, Activation.ELU, UseBias = false)]                          // (4, 3, 4)
[AveragePool2D(2, Strides = 1)]                                          // (3, 2, 4)
[GlobalAveragePooling2D]                                                 // (4)
[Dense(3)]
public partial class AverageCnn;

/// <summary>A sequence: asymmetric same Conv1D at stride 2, max pooling, Flatten, sigmoid outputs.</summary>
[Network(InputShape = [12, 3], Loss = Loss.BinaryCrossEntropy)]
[Conv1D(4, 3, Activation.ReLU, Strides = 2, Padding = Padding.Same)]     // (6, 4), pads 0 and 1
[MaxPool1D(2)]                                                           // (3, 4)
[Flatten]
[Dense(2, Activation.Sigmoid)]
public partial class SequenceCnn;

/// <summary>A sequence: valid Conv1D, same average pooling, a stand-alone activation, global average pooling.</summary>
[Network(InputShape = [9, 2], Loss = Loss.MeanSquaredError)]
[Conv1D(5, 2, Activation.LeakyReLU, Alpha = 0.2f)]                        // (8, 5)
[AveragePool1D(3, Strides = 2, Padding = Padding.Same)]                  // (4, 5), pads 0 and 1
[Activation(Activation.Sigmoid)]
[GlobalAveragePooling1D]                                                 // (5)
[Dense(2)]
public partial class AverageSequenceCnn;

/// <summary>An image out: the last convolution's output goes back to channels-last order and is flattened, as Predict returns it.</summary>
[Network(InputShape = [5, 6, 2], Loss = Loss.MeanSquaredError)]
[Conv2D(3, 2, Activation.Tanh, Strides = 2, Padding = Padding.Same)]     // (3, 3, 3), pads 0 and 1 high, 0 and 0 wide
public partial class ImageOutCnn;

/// <summary>Batch normalisation of the input image and after a convolution without bias (Keras' block), per channel, then pooling and Flatten.</summary>
[Network(InputShape = [8, 8, 2], Loss = Loss.MeanSquaredError)]
[BatchNormalization]
[Conv2D(4, 3, UseBias = false, Padding = Padding.Same)]                  // (8, 8, 4)
[BatchNormalization(Momentum = 0.9f)]
[Activation(Activation.ReLU)]
[MaxPool2D(2)]                                                           // (4, 4, 4)
[Flatten]
[Dense(3)]
public partial class NormalisedCnn;

/// <summary>A sequence: batch normalisation per feature after a Conv1D, a stand-alone tanh, global average pooling.</summary>
[Network(InputShape = [10, 3], Loss = Loss.MeanSquaredError)]
[Conv1D(4, 3)]                                                           // (8, 4)
[BatchNormalization(Epsilon = 0.01f)]
[Activation(Activation.Tanh)]
[GlobalAveragePooling1D]
[Dense(2)]
public partial class NormalisedSequenceCnn;

/// <summary>An image out whose last layer is a batch normalisation.</summary>
[Network(InputShape = [5, 6, 2], Loss = Loss.MeanSquaredError)]
[Conv2D(3, 2, Strides = 2, Padding = Padding.Same)]                      // (3, 3, 3)
[BatchNormalization]
public partial class NormalisedImageOutCnn;
