namespace NeuralDsl.Tests.Embedding;

// Every image, sequence, recurrent and embedding layer in NeuralDsl's weights JSON: each network's weights
// are exported to Shaped/<name>.weights.json (ShapedJsonTests makes them) and compiled into its Baked twin.

/// <summary>Convolutions with both paddings, batch normalisation per channel, both 2-D poolings, a PReLU convolution, global pooling, dropout.</summary>
[Network(InputShape = [8, 8, 2], Seed = 3)]
[Conv2D(4, 3, Activation.ReLU, Padding = Padding.Same)]    // (8, 8, 4)
[BatchNormalization]
[MaxPool2D(2)]                                              // (4, 4, 4)
[Conv2D(6, 2, Activation.PReLU, UseBias = false)]           // (3, 3, 6)
[AveragePool2D(2, Strides = 1)]                             // (2, 2, 6)
[GlobalAveragePooling2D]                                    // (6)
[Dropout(0.25f)]
[Dense(3, Activation.Softmax)]
public partial class ImageJsonNet;

/// <summary><see cref="ImageJsonNet"/> with its exported weights compiled in.</summary>
[Network(InputShape = [8, 8, 2], Weights = "Shaped/image.weights.json")]
[Conv2D(4, 3, Activation.ReLU, Padding = Padding.Same)]
[BatchNormalization]
[MaxPool2D(2)]
[Conv2D(6, 2, Activation.PReLU, UseBias = false)]
[AveragePool2D(2, Strides = 1)]
[GlobalAveragePooling2D]
[Dropout(0.25f)]
[Dense(3, Activation.Softmax)]
public partial class BakedImageJsonNet;

/// <summary>1-D convolutions with a stride, both 1-D poolings, batch normalisation on a sequence, Flatten.</summary>
[Network(InputShape = [12, 3], Seed = 4)]
[Conv1D(4, 3, Activation.Tanh, Strides = 2)]                // (5, 4)
[BatchNormalization]
[MaxPool1D(2, Strides = 1)]                                 // (4, 4)
[Conv1D(5, 2, Activation.ReLU, Padding = Padding.Same)]     // (4, 5)
[AveragePool1D(2)]                                          // (2, 5)
[Flatten]
[Dense(2)]
public partial class SequenceJsonNet;

/// <summary><see cref="SequenceJsonNet"/> with its exported weights compiled in.</summary>
[Network(InputShape = [12, 3], Weights = "Shaped/sequence.weights.json")]
[Conv1D(4, 3, Activation.Tanh, Strides = 2)]
[BatchNormalization]
[MaxPool1D(2, Strides = 1)]
[Conv1D(5, 2, Activation.ReLU, Padding = Padding.Same)]
[AveragePool1D(2)]
[Flatten]
[Dense(2)]
public partial class BakedSequenceJsonNet;

/// <summary>An LSTM returning every step, batch normalisation on its sequence, a bidirectional reset-before GRU, dropout, a reset-after GRU.</summary>
[Network(InputShape = [6, 3], Seed = 5)]
[LSTM(5, ReturnSequences = true)]                           // (6, 5)
[BatchNormalization]
[GRU(4, ResetAfter = false, ReturnSequences = true, Bidirectional = true)] // (6, 8)
[Dropout(0.1f)]
[GRU(3)]                                                    // (3)
[Dense(2)]
public partial class RecurrentJsonNet;

/// <summary><see cref="RecurrentJsonNet"/> with its exported weights compiled in.</summary>
[Network(InputShape = [6, 3], Weights = "Shaped/recurrent.weights.json")]
[LSTM(5, ReturnSequences = true)]
[BatchNormalization]
[GRU(4, ResetAfter = false, ReturnSequences = true, Bidirectional = true)]
[Dropout(0.1f)]
[GRU(3)]
[Dense(2)]
public partial class BakedRecurrentJsonNet;

/// <summary>An embedding, a bidirectional SimpleRNN over every step, a bidirectional LSTM, global pooling of the sequence.</summary>
[Network(Inputs = 7, Seed = 6)]
[Embedding(10, 4)]                                          // (7, 4)
[SimpleRNN(3, ReturnSequences = true, Bidirectional = true)] // (7, 6)
[LSTM(2, ReturnSequences = true, Bidirectional = true)]     // (7, 4)
[GlobalAveragePooling1D]                                    // (4)
[Dense(1, Activation.Sigmoid)]
public partial class TokenJsonNet;

/// <summary><see cref="TokenJsonNet"/> with its exported weights compiled in.</summary>
[Network(Inputs = 7, Weights = "Shaped/token.weights.json")]
[Embedding(10, 4)]
[SimpleRNN(3, ReturnSequences = true, Bidirectional = true)]
[LSTM(2, ReturnSequences = true, Bidirectional = true)]
[GlobalAveragePooling1D]
[Dense(1, Activation.Sigmoid)]
public partial class BakedTokenJsonNet;

/// <summary>A streaming GRU network, to check that a baked one keeps Step.</summary>
[Network(InputShape = [9, 2], Seed = 8)]
[GRU(6, ReturnSequences = true)]
[Dropout(0.1f)]
[LSTM(4)]
[Dense(3, Activation.Tanh)]
[Dense(1)]
public partial class StreamJsonNet;

/// <summary><see cref="StreamJsonNet"/> with its exported weights compiled in.</summary>
[Network(InputShape = [9, 2], Weights = "Shaped/stream.weights.json")]
[GRU(6, ReturnSequences = true)]
[Dropout(0.1f)]
[LSTM(4)]
[Dense(3, Activation.Tanh)]
[Dense(1)]
public partial class BakedStreamJsonNet;

/// <summary><see cref="ImageJsonNet"/> with 3 filters in its first convolution instead of 4: image.weights.json does not fit it.</summary>
[Network(InputShape = [8, 8, 2])]
[Conv2D(3, 3, Activation.ReLU, Padding = Padding.Same)]
[BatchNormalization]
[MaxPool2D(2)]
[Conv2D(6, 2, Activation.PReLU, UseBias = false)]
[AveragePool2D(2, Strides = 1)]
[GlobalAveragePooling2D]
[Dropout(0.25f)]
[Dense(3, Activation.Softmax)]
public partial class NarrowImageJsonNet;

/// <summary><see cref="RecurrentJsonNet"/> with a reset-after bidirectional GRU: recurrent.weights.json does not fit it.</summary>
[Network(InputShape = [6, 3])]
[LSTM(5, ReturnSequences = true)]
[BatchNormalization]
[GRU(4, ReturnSequences = true, Bidirectional = true)]
[Dropout(0.1f)]
[GRU(3)]
[Dense(2)]
public partial class ResetAfterRecurrentJsonNet;
