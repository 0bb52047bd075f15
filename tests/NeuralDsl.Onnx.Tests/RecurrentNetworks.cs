using NeuralDsl;

namespace NeuralDsl.Onnx.Tests;

// Recurrent and embedding networks for the ONNX export: each kind, both GRU forms, the last output and
// every step's, bidirectional layers, stacks, an embedding in front, convolutions before and pooling after.

/// <summary>An LSTM's last output into a Dense layer.</summary>
[Network(InputShape = [6, 3], Loss = Loss.MeanSquaredError)]
[LSTM(5)]                                                   // (5)
[Dense(2)]
public partial class OnnxLstm;

/// <summary>A reset-after GRU (Keras' default, linear_before_reset = 1) into a sigmoid.</summary>
[Network(InputShape = [5, 2], Loss = Loss.BinaryCrossEntropy)]
[GRU(4)]                                                    // (4)
[Dense(1, Activation.Sigmoid)]
public partial class OnnxGruResetAfter;

/// <summary>A reset-before GRU (linear_before_reset = 0) whose every step is the network's output.</summary>
[Network(InputShape = [5, 3], Loss = Loss.MeanSquaredError)]
[GRU(3, ResetAfter = false, ReturnSequences = true)]        // (5, 3)
public partial class OnnxGruResetBefore;

/// <summary>A SimpleRNN into a softmax.</summary>
[Network(InputShape = [7, 2], Loss = Loss.CategoricalCrossEntropy)]
[SimpleRNN(4)]                                              // (4)
[Dense(3, Activation.Softmax)]
public partial class OnnxSimpleRnn;

/// <summary>A bidirectional LSTM's last output: each direction's final state, the backward one after the first step.</summary>
[Network(InputShape = [5, 3], Loss = Loss.MeanSquaredError)]
[LSTM(3, Bidirectional = true)]                             // (6)
[Dense(2)]
public partial class OnnxBidirectionalLstm;

/// <summary>Bidirectional GRUs of both forms, every step of the first flattened into a Dense layer.</summary>
[Network(InputShape = [4, 2], Loss = Loss.MeanSquaredError)]
[GRU(3, Bidirectional = true, ReturnSequences = true)]      // (4, 6)
[GRU(2, Bidirectional = true, ResetAfter = false, ReturnSequences = true)] // (4, 4)
[Flatten]
[Dense(2, Activation.Tanh)]
public partial class OnnxBidirectionalGru;

/// <summary>Three kinds stacked with ReturnSequences, dropout between them.</summary>
[Network(InputShape = [6, 2], Loss = Loss.MeanSquaredError)]
[LSTM(4, ReturnSequences = true)]                           // (6, 4)
[Dropout(0.2f)]
[GRU(3, ReturnSequences = true, ResetAfter = false)]        // (6, 3)
[SimpleRNN(2, Bidirectional = true)]                        // (4)
[Dense(1)]
public partial class OnnxStackedRecurrent;

/// <summary>Token ids through an embedding into an LSTM and a sigmoid.</summary>
[Network(Inputs = 8, Loss = Loss.BinaryCrossEntropy)]
[Embedding(10, 4)]                                          // (8, 4)
[LSTM(5)]                                                   // (5)
[Dense(1, Activation.Sigmoid)]
public partial class OnnxEmbeddingLstm;

/// <summary>An embedding whose sequence is the network's output.</summary>
[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Embedding(6, 3)]                                           // (5, 3)
public partial class OnnxEmbeddingOnly;

/// <summary>Convolution and pooling before an LSTM, a GRU's every step averaged after.</summary>
[Network(InputShape = [10, 2], Loss = Loss.MeanSquaredError)]
[Conv1D(4, 3, Activation.ReLU)]                             // (8, 4)
[MaxPool1D(2)]                                              // (4, 4)
[LSTM(3, ReturnSequences = true)]                           // (4, 3)
[GRU(3, ReturnSequences = true)]                            // (4, 3)
[GlobalAveragePooling1D]                                    // (3)
[Dense(2)]
public partial class OnnxConvRecurrent;
