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
