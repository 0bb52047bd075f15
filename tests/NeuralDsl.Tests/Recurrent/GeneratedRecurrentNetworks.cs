// Generated recurrent networks for the streaming, allocation and interface tests: RTNeural's real-time
// workloads, a stacked LSTM behind an embedding with dropout and a dense tail, and networks that cannot
// stream (bidirectional; a sequence-returning last layer).
using NeuralDsl;

namespace NeuralDsl.Tests.Recurrent;

[Network(InputShape = [32, 1], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
[LSTM(16)]
[Dense(1)]
public partial class StreamLstm16;

[Network(InputShape = [24, 8], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
[GRU(32)]
[Dense(1)]
public partial class StreamGru32;

[Network(InputShape = [12, 3], Loss = Loss.MeanSquaredError, ClipValue = 0.5f)]
[SimpleRNN(7)]
[Dense(2, Activation.Tanh)]
public partial class StreamSimpleRnn;

[Network(Inputs = 10, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
[Embedding(20, 4)]
[LSTM(6, ReturnSequences = true)]
[Dropout(0.2f)]
[GRU(5, ResetAfter = false)]
[Dense(8, Activation.ReLU)]
[BatchNormalization]
[Dense(3, Activation.Softmax)]
public partial class StreamTokens;

[Network(InputShape = [6, 2], Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
[LSTM(4, Bidirectional = true)]
[Dense(1)]
public partial class NoStreamBidirectional;

[Network(InputShape = [6, 2], Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
[GRU(4, ReturnSequences = true)]
public partial class NoStreamSequenceOut;

// The networks of recurrent.json's "networks" (tests/reference/make_recurrent_reference.py): PyTorch's
// Adam with eps 1e-7 (Keras' default, declared here) and SGD with momentum 0.9.
[Network(InputShape = [6, 3], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.01f, Epsilon = 1e-7f)]
[LSTM(5)]
[Dense(2)]
public partial class PtNetLstmAdam;

[Network(InputShape = [5, 3], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Sgd, LearningRate = 0.1f, Momentum = 0.9f)]
[GRU(4, Bidirectional = true)]
[Dense(3, Activation.Softmax)]
public partial class PtNetBiGruSgd;

[Network(InputShape = [7, 2], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.005f, Epsilon = 1e-7f)]
[SimpleRNN(6)]
[Dense(1)]
public partial class PtNetRnnAdam;
