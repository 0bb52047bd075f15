using NeuralDsl;

namespace NeuralDsl.Tests.Weights;

// The networks of tests/reference/make_shaped_safetensors_reference.py, layer for module.

/// <summary>PyTorch's Sequential(Conv2d(2, 4, 3), ReLU(), MaxPool2d(2), Flatten(), Linear(36, 3)), on channels-last 8 x 8 x 2 images.</summary>
[Network(InputShape = [8, 8, 2], Loss = Loss.MeanSquaredError)]
[Conv2D(4, 3, Activation.ReLU)]                             // (6, 6, 4)
[MaxPool2D(2)]                                              // (3, 3, 4)
[Flatten]
[Dense(3)]
public partial class TorchCnnNet;

/// <summary>PyTorch's Conv1d(3, 4, 3), Tanh(), Flatten(), Linear(32, 2), on 10 steps of 3 features.</summary>
[Network(InputShape = [10, 3], Loss = Loss.MeanSquaredError)]
[Conv1D(4, 3, Activation.Tanh)]                             // (8, 4)
[Flatten]
[Dense(2)]
public partial class TorchSequenceCnnNet;

/// <summary>PyTorch's LSTM(3, 5, bidirectional) (each direction's final state), Linear(10, 2).</summary>
[Network(InputShape = [6, 3], Loss = Loss.MeanSquaredError)]
[LSTM(5, Bidirectional = true)]                             // (10)
[Dense(2)]
public partial class TorchBidirectionalLstmNet;

/// <summary>PyTorch's RNN(2, 4) (every step), LSTM(4, 3) (the last), Linear(3, 1).</summary>
[Network(InputShape = [5, 2], Loss = Loss.MeanSquaredError)]
[SimpleRNN(4, ReturnSequences = true)]                      // (5, 4)
[LSTM(3)]                                                   // (3)
[Dense(1)]
public partial class TorchRnnLstmNet;

/// <summary>PyTorch's Embedding(10, 4), GRU(4, 3, bidirectional), Linear(6, 1), Sigmoid(), on 7 token ids.</summary>
[Network(Inputs = 7, Loss = Loss.BinaryCrossEntropy)]
[Embedding(10, 4)]                                          // (7, 4)
[GRU(3, Bidirectional = true)]                              // (6)
[Dense(1, Activation.Sigmoid)]
public partial class TorchEmbeddingGruNet;

/// <summary>A reset-before GRU, which PyTorch's nn.GRU cannot compute.</summary>
[Network(InputShape = [4, 2], Loss = Loss.MeanSquaredError)]
[GRU(3, ResetAfter = false)]
[Dense(1)]
public partial class ResetBeforeGruNet;
